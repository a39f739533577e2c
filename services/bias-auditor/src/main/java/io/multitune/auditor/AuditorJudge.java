package io.multitune.auditor;

import ai.onnxruntime.OrtException;
import io.multitune.auditing.AuditedModel;
import io.multitune.auditing.Representation;
import io.multitune.events.AuditFailed;
import io.multitune.events.EvaluationFailed.Problem;
import io.multitune.events.ModelAudited;
import io.multitune.events.ModelTrained;
import io.multitune.events.RunAudited;
import io.multitune.events.RunPlanned.JobPlan;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.Split;
import io.multitune.events.StandardExample;
import io.multitune.intake.BaseTokenizers;
import io.multitune.intake.IntakeFailure;
import io.multitune.intake.ModelFiles;
import io.multitune.intake.RunJudge;
import io.multitune.intake.TestSet;
import io.multitune.intake.TrackedRun;
import io.multitune.reporting.BiasReport;
import io.multitune.reporting.BiasReportInput;
import io.multitune.scoring.ModelFileException;
import io.multitune.scoring.ModelScorer;
import io.multitune.training.MalformedBatchException;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The bias auditor's side of a run ({@link io.multitune.intake.RunTracker} follows the run): each model is audited on
 * the run's test set and reported as model-audited; once the multi-task model and the baselines are in, the bias
 * transfer is computed, the bias gate applied, the bias report written and run-audited sent, then recorded on disk
 * so that a restart does not audit the run again.
 */
final class AuditorJudge implements RunJudge<AuditedModel> {
    private static final Logger LOG = Logger.getLogger(AuditorJudge.class);

    private final AuditorContext context;
    /** Per run, the model-audited events sent (the report shows them); dropped once the run is audited. */
    private final Map<String, List<ModelAudited>> audits = new HashMap<>();

    AuditorJudge(AuditorContext context) {
        this.context = context;
    }

    @Override
    public boolean judgedBefore(String runId) {
        return context.files().done(runId);
    }

    @Override
    public AuditedModel process(TrackedRun run, ModelTrained trained, JobPlan job) throws IntakeFailure {
        ModelTrained.Artifact artifact = ModelFiles.modelArtifact(trained);
        Path file = ModelFiles.verified(context.config().artifactRoot(), artifact);
        TestSet testSet = run.testSet();
        BaseTokenizers.Tokenizers tokens = tokenizers(run.plan().request().baseModel());
        try (ModelScorer scorer = open(file, artifact.path(), tokens, job.tasks(),
                context.config().intraOpThreads())) {
            AuditedModel audited = context.audit().audit(scorer, job.tasks(), byTask(job.tasks(), testSet),
                    run.seed());
            audited.notes().forEach(run::note);
            ModelAudited event = audited.event(run.runId(), job.jobId(), job.kind(), artifact.path(),
                    artifact.sha256(), scorer.executionProvider());
            audits.computeIfAbsent(run.runId(), r -> new ArrayList<>()).add(event);
            context.metrics().modelAudited(event);
            LOG.infof("audited %s (%s): %d model inputs in %.1f s with ONNX Runtime on %s; %d task(s) audited, %d"
                    + " not", job.jobId(), job.kind(), audited.inputs(), audited.seconds(), scorer.executionProvider(),
                    event.tasks().size(), event.notAudited().size());
            context.events().sendAndWait(event);
            return audited;
        } catch (MalformedBatchException e) {
            throw new IntakeFailure(Problem.BAD_TEST_EXAMPLE, e.exampleId() + "." + e.field(), "test example "
                    + e.exampleId() + " cannot be audited: " + e.getMessage(), e);
        } catch (OrtException e) {
            throw new IntakeFailure(Problem.SCORING_ERROR, artifact.path(), "ONNX Runtime failed on model "
                    + artifact.path() + ": " + e.getMessage(), e);
        }
    }

    private BaseTokenizers.Tokenizers tokenizers(String baseModel) throws IntakeFailure {
        try {
            return context.tokenizers().get(baseModel);
        } catch (IOException | RuntimeException e) {
            throw new IntakeFailure(Problem.SCORING_ERROR, "baseModel", "the tokenizer of base model '" + baseModel
                    + "' cannot be loaded: " + e.getMessage(), e);
        }
    }

    private static ModelScorer open(Path file, String path, BaseTokenizers.Tokenizers tokens, List<TaskPlan> tasks,
                                    int threads) throws IntakeFailure {
        try {
            return ModelScorer.open(file, threads, tokens.tokens(), tokens.questions(), tasks);
        } catch (ModelFileException e) {
            throw new IntakeFailure(Problem.MODEL_UNREADABLE, path, e.getMessage(), e);
        }
    }

    private static Map<String, List<StandardExample>> byTask(List<TaskPlan> tasks, TestSet testSet) {
        Map<String, List<StandardExample>> byTask = new LinkedHashMap<>();
        tasks.forEach(t -> byTask.put(t.taskId(), testSet.examples(t.taskId())));
        return byTask;
    }

    @Override
    public void failed(TrackedRun run, String jobId, IntakeFailure e) {
        context.metrics().auditFailed(e.problem());
        LOG.warnf("audit of %s failed (%s): %s", jobId, e.problem(), e.getMessage());
        context.events().sendAndWait(new AuditFailed(AuditFailed.SCHEMA_VERSION, run.runId(), jobId, e.problem(),
                e.field(), e.getMessage(), Instant.now()));
    }

    @Override
    public void notJudged(TrackedRun run, String why) {
        LOG.warnf("run %s cannot be audited: %s", run.runId(), why);
        audits.remove(run.runId());
    }

    @Override
    public boolean judge(TrackedRun run, AuditedModel mtl, Map<String, AuditedModel> baselines,
                         Map<String, String> missing) {
        String mtlJob = run.plan().jobs().stream().filter(j -> j.kind() == io.multitune.events.RunPlanned.JobKind
                .MULTI_TASK).findFirst().orElseThrow().jobId();
        RunAudited audited;
        try {
            String provider = audits.getOrDefault(run.runId(), List.of()).stream()
                    .filter(a -> a.jobId().equals(mtlJob)).map(ModelAudited::executionProvider).findFirst()
                    .orElse("CPU");
            audited = withNotes(context.judgement().judge(run.plan(), mtlJob, provider, mtl, baselines, missing,
                    representation(run)), run.notes());
        } catch (IntakeFailure | RuntimeException e) {
            LOG.errorf(e, "run %s could not be audited", run.runId());
            context.events().sendAndWait(new AuditFailed(AuditFailed.SCHEMA_VERSION, run.runId(), mtlJob,
                    Problem.SCORING_ERROR, null, "run " + run.runId() + " could not be audited: " + e,
                    Instant.now()));
            audits.remove(run.runId());
            return true;
        }
        try {
            RunAudited withReport = withReport(audited, context.files().writeReport(run.runId(),
                    BiasReport.html(new BiasReportInput(run.plan(), audited, audits.getOrDefault(run.runId(),
                            List.of()), Instant.now()))));
            context.events().sendAndWait(withReport);
            context.files().markDone(withReport, run.runId());
            context.metrics().runAudited(withReport);
            LOG.infof("run %s audited: %s; %d transfer rows; report %s", run.runId(),
                    withReport.verdict().pass() ? "PASS" : "FAIL", withReport.transfer().size(),
                    withReport.report().path());
        } catch (IOException e) {
            LOG.errorf(e, "the bias report of run %s could not be written; trying again at the next tick",
                    run.runId());
            return false;
        }
        audits.remove(run.runId());
        return true;
    }

    /** The training data's term counts over every split of the run's datasets (read from the examples topic). */
    private List<RunAudited.Representation> representation(TrackedRun run) throws IntakeFailure {
        List<TaskPlan> tasks = new ArrayList<>();
        run.plan().jobs().forEach(j -> j.tasks().stream()
                .filter(t -> tasks.stream().noneMatch(k -> k.taskId().equals(t.taskId()))).forEach(tasks::add));
        Map<String, StandardExample> all;
        try {
            all = context.examples().read(TestSet.datasets(tasks), EnumSet.allOf(Split.class));
        } catch (TimeoutException | RuntimeException e) {
            throw new IntakeFailure(Problem.SCORING_ERROR, "multitune.examples", "the examples of run "
                    + run.runId() + " could not be read for the representation table: " + e.getMessage(), e);
        }
        Map<String, List<StandardExample>> byTask = new LinkedHashMap<>();
        for (TaskPlan task : tasks) {
            Set<String> datasets = Set.copyOf(task.datasets());
            byTask.put(task.taskId(), all.values().stream().filter(e -> datasets.contains(e.datasetId()))
                    .sorted(java.util.Comparator.comparing(StandardExample::id)).toList());
        }
        return Representation.of(context.terms(), byTask, context.config().representationTopTerms());
    }

    /** The run's notes (sampled test sets, ...) after the judgement's own, each once. */
    private static RunAudited withNotes(RunAudited a, List<String> runNotes) {
        List<String> notes = new ArrayList<>(a.notes());
        runNotes.stream().filter(n -> !notes.contains(n)).forEach(notes::add);
        return new RunAudited(a.schemaVersion(), a.runId(), a.multiTaskJobId(), a.executionProvider(), a.transfer(),
                a.representation(), a.notAudited(), a.missingBaselines(), notes, a.verdict(), a.report(), a.at());
    }

    private static RunAudited withReport(RunAudited a, ModelTrained.Artifact report) {
        return new RunAudited(a.schemaVersion(), a.runId(), a.multiTaskJobId(), a.executionProvider(), a.transfer(),
                a.representation(), a.notAudited(), a.missingBaselines(), a.notes(), a.verdict(), report, a.at());
    }
}
