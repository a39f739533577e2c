package io.multitune.evaluator;

import io.multitune.events.EvaluationFailed;
import io.multitune.events.EventCodec;
import io.multitune.events.ModelEvaluated;
import io.multitune.events.ModelTrained;
import io.multitune.events.PipelineEvent;
import io.multitune.events.RunEvaluated;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunPlanned.JobPlan;
import io.multitune.events.TrainingEnded;
import io.multitune.events.TrainingProgress;
import io.multitune.events.ValidationReported;
import io.multitune.reporting.RunReportInput;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * The evaluator's state machine, fed in order by one consumer of run plans and training events. A model is scored
 * as soon as its model-trained event and its run's plan are both known; a run is judged once its multi-task model
 * is scored and every baseline is settled (scored or failed), or when the baseline timeout passes. All state changes
 * happen under this object's lock, on the consumer's worker thread or the periodic tick.
 */
final class EvaluatorEngine {
    private static final Logger LOG = Logger.getLogger(EvaluatorEngine.class);

    private final EvaluatorContext context;
    private final Map<String, RunState> runs = new HashMap<>();

    EvaluatorEngine(EvaluatorContext context) {
        this.context = context;
    }

    synchronized void onRecords(Iterable<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> r : records) {
            if (r.value() == null) {
                continue;
            }
            PipelineEvent event;
            try {
                event = EventCodec.INSTANCE.decode(r.headers(), r.value());
            } catch (RuntimeException e) {
                LOG.debugf("skipped a record of %s at %d/%d: %s", r.topic(), r.partition(), r.offset(),
                        e.getMessage());
                continue;
            }
            apply(event);
        }
    }

    /** Periodic: judges runs whose missing baselines have timed out. */
    synchronized void tick() {
        for (RunState run : List.copyOf(runs.values())) {
            maybeJudge(run);
        }
    }

    synchronized int runsWaiting() {
        return (int) runs.values().stream().filter(r -> !r.judged).count();
    }

    private void apply(PipelineEvent event) {
        if (event instanceof RunPlanned plan) {
            onPlan(plan);
        } else if (event instanceof ModelTrained trained) {
            onTrained(trained);
        } else if (event instanceof TrainingProgress progress) {
            keep(progress.runId(), progress.jobId(), progress, true);
        } else if (event instanceof ValidationReported report) {
            keep(report.runId(), report.jobId(), report, false);
        } else if (event instanceof TrainingEnded ended && ended.outcome() == TrainingEnded.Outcome.FAILED) {
            onTrainingFailed(ended);
        }
    }

    private RunState run(String runId) {
        return runs.computeIfAbsent(runId, id -> {
            RunState run = new RunState(id);
            run.judged = context.files().judged(id);
            return run;
        });
    }

    private void onPlan(RunPlanned plan) {
        RunState run = run(plan.runId());
        if (run.plan != null || run.judged) {
            return;
        }
        run.plan = plan;
        for (ModelTrained trained : List.copyOf(run.trained.values())) {
            score(run, trained);
        }
        maybeJudge(run);
    }

    private void onTrained(ModelTrained trained) {
        RunState run = run(trained.runId());
        if (run.judged || run.trained.containsKey(trained.jobId())) {
            return;
        }
        run.trained.put(trained.jobId(), trained);
        if (run.plan != null) {
            score(run, trained);
            maybeJudge(run);
        }
    }

    private void onTrainingFailed(TrainingEnded ended) {
        RunState run = run(ended.runId());
        if (run.judged || run.settled(ended.jobId())) {
            return;
        }
        run.failed.put(ended.jobId(), "its training failed: " + ended.message());
        maybeJudge(run);
    }

    private void keep(String runId, String jobId, PipelineEvent event, boolean progress) {
        RunState run = run(runId);
        if (run.judged) {
            return;
        }
        if (progress) {
            run.progress.computeIfAbsent(jobId, j -> new ArrayList<>()).add((TrainingProgress) event);
        } else {
            run.validation.computeIfAbsent(jobId, j -> new ArrayList<>()).add((ValidationReported) event);
        }
    }

    private void score(RunState run, ModelTrained trained) {
        if (run.settled(trained.jobId())) {
            return;
        }
        JobPlan job = run.job(trained.jobId()).orElse(null);
        try {
            if (job == null) {
                throw new EvaluationFailure(EvaluationFailed.Problem.UNKNOWN_RUN, "jobId", "job "
                        + trained.jobId() + " is not in the plan of run " + run.runId);
            }
            ScoredModel model = context.scoring().score(trained, job, run.plan.request().baseModel(),
                    testSet(run), primaryMetrics(run));
            scored(run, model);
        } catch (EvaluationFailure e) {
            failed(run, trained.jobId(), e);
        } catch (RuntimeException e) {
            LOG.errorf(e, "scoring job %s failed", trained.jobId());
            failed(run, trained.jobId(), new EvaluationFailure(EvaluationFailed.Problem.SCORING_ERROR, null,
                    "scoring job " + trained.jobId() + " failed: " + e, e));
        }
    }

    private TestSet testSet(RunState run) throws EvaluationFailure {
        if (run.testSet == null) {
            List<RunPlanned.TaskPlan> tasks = run.plan.jobs().stream().flatMap(j -> j.tasks().stream()).toList();
            try {
                long seed = run.plan.request().seed() == null ? 42L : run.plan.request().seed();
                run.testSet = TestSet.of(tasks, context.testSplit().read(TestSet.datasets(tasks)),
                        context.config().maxTestExamplesPerTask(), seed);
            } catch (TimeoutException | RuntimeException e) {
                throw new EvaluationFailure(EvaluationFailed.Problem.SCORING_ERROR, "multitune.examples",
                        "the test split of run " + run.runId + " could not be read: " + e.getMessage(), e);
            }
            run.testSet.available().forEach((task, n) -> {
                int used = run.testSet.examples(task).size();
                if (used < n) {
                    run.notes.add(String.format(java.util.Locale.ROOT, "task %s: %d of its %d test examples"
                            + " were scored (a seeded sample; the cap is max-test-examples-per-task)", task, used, n));
                }
            });
        }
        return run.testSet;
    }

    private static Map<String, String> primaryMetrics(RunState run) {
        var gates = run.plan.request().gates();
        return gates == null || gates.evaluation() == null || gates.evaluation().primaryMetrics() == null
                ? Map.of() : gates.evaluation().primaryMetrics();
    }

    private void scored(RunState run, ScoredModel model) {
        run.scored.put(model.jobId(), model);
        if (model.kind() == RunPlanned.JobKind.MULTI_TASK) {
            run.multiTaskScoredAt = System.nanoTime();
        }
        model.notes().stream().filter(n -> !run.notes.contains(n)).forEach(run.notes::add);
        ModelEvaluated event = ModelEvaluations.event(run.runId, model, scoreWeights(run));
        run.evaluations.put(model.jobId(), event);
        context.metrics().modelEvaluated(event);
        LOG.infof("scored %s (%s) on %d test examples in %.1f s with ONNX Runtime on %s: unified score %.4f",
                model.jobId(), model.kind(), model.examples(), model.seconds(), model.executionProvider(),
                event.unifiedScore());
        context.events().sendAndWait(event);
    }

    private void failed(RunState run, String jobId, EvaluationFailure e) {
        run.failed.put(jobId, "its model could not be evaluated: " + e.getMessage());
        context.metrics().evaluationFailed(e.problem());
        LOG.warnf("evaluation of %s failed (%s): %s", jobId, e.problem(), e.getMessage());
        context.events().sendAndWait(new EvaluationFailed(EvaluationFailed.SCHEMA_VERSION, run.runId, jobId,
                e.problem(), e.field(), e.getMessage(), Instant.now()));
    }

    private void maybeJudge(RunState run) {
        if (run.judged || run.plan == null) {
            return;
        }
        JobPlan mtl = run.multiTaskJob().orElse(null);
        if (mtl == null || !run.settled(mtl.jobId())) {
            return;
        }
        if (!run.scored.containsKey(mtl.jobId())) {
            LOG.warnf("run %s cannot be judged: multi-task job %s: %s", run.runId, mtl.jobId(),
                    run.failed.get(mtl.jobId()));
            run.judged = true;
            run.release();
            return;
        }
        Map<String, String> missing = missingBaselines(run);
        boolean waiting = run.baselineJobs().stream().anyMatch(j -> !run.settled(j.jobId()));
        long waited = System.nanoTime() - run.multiTaskScoredAt;
        if (waiting && waited < context.config().baselineTimeout().toNanos()) {
            return;
        }
        judge(run, missing);
    }

    /** Task id to why its baseline is missing; pending baselines are named as timed out. */
    private Map<String, String> missingBaselines(RunState run) {
        Map<String, String> missing = new LinkedHashMap<>();
        for (JobPlan job : run.baselineJobs()) {
            if (run.scored.containsKey(job.jobId())) {
                continue;
            }
            String why = run.failed.containsKey(job.jobId())
                    ? "baseline job " + job.jobId() + ": " + run.failed.get(job.jobId())
                    : "baseline job " + job.jobId() + " did not deliver a model within "
                    + context.config().baselineTimeout() + " of the multi-task model's evaluation";
            job.tasks().forEach(t -> missing.put(t.taskId(), why));
        }
        if (Boolean.FALSE.equals(run.plan.request().baselines())) {
            run.multiTaskJob().orElseThrow().tasks()
                    .forEach(t -> missing.put(t.taskId(), "the run request turned baselines off"));
        }
        return missing;
    }

    private void judge(RunState run, Map<String, String> missing) {
        ScoredModel mtl = run.scored.get(run.multiTaskJob().orElseThrow().jobId());
        Map<String, ScoredModel> baselines = new HashMap<>();
        for (JobPlan job : run.baselineJobs()) {
            ScoredModel scored = run.scored.get(job.jobId());
            if (scored != null) {
                job.tasks().forEach(t -> baselines.put(t.taskId(), scored));
            }
        }
        RunEvaluated judged;
        try {
            judged = context.judgement().judge(run.plan, mtl, baselines, missing, run.testSet.index(), run.notes);
        } catch (RuntimeException e) {
            // A bug, not a bad model: say so once on the topic instead of retrying at every tick.
            LOG.errorf(e, "run %s could not be judged", run.runId);
            context.events().sendAndWait(new EvaluationFailed(EvaluationFailed.SCHEMA_VERSION, run.runId,
                    mtl.jobId(), EvaluationFailed.Problem.SCORING_ERROR, null, "run " + run.runId
                    + " could not be judged: " + e, Instant.now()));
            run.judged = true;
            run.release();
            return;
        }
        try {
            RunEvaluated withReport = withReport(judged, context.files().writeReport(new RunReportInput(run.plan,
                    judged, List.copyOf(run.evaluations.values()), run.progress, run.validation, Instant.now())));
            context.events().sendAndWait(withReport);
            context.files().markJudged(withReport);
            context.metrics().runJudged(withReport);
            LOG.infof("run %s judged: %s; unified score %.4f, Δm %s; report %s", run.runId,
                    withReport.verdict().pass() ? "PASS" : "FAIL", withReport.unifiedScore(),
                    withReport.deltaMPercent() == null ? "undefined" : String.format(java.util.Locale.ROOT, "%+.2f%%",
                            withReport.deltaMPercent()), withReport.report().path());
        } catch (java.io.IOException e) {
            // Not marked judged: a restart tries again; here the run is left for the next tick to retry.
            LOG.errorf(e, "the report of run %s could not be written", run.runId);
            return;
        }
        run.judged = true;
        run.release();
    }

    private static RunEvaluated withReport(RunEvaluated e, io.multitune.events.ModelTrained.Artifact report) {
        return new RunEvaluated(e.schemaVersion(), e.runId(), e.multiTaskJobId(), e.executionProvider(),
                e.unifiedScore(), e.baselineUnifiedScore(), e.deltaMPercent(), e.tasks(), e.missingBaselines(),
                e.notes(), e.verdict(), e.review(), report, e.at());
    }

    private static Map<String, Double> scoreWeights(RunState run) {
        var gates = run.plan.request().gates();
        return gates == null || gates.evaluation() == null || gates.evaluation().scoreWeights() == null
                ? Map.of() : gates.evaluation().scoreWeights();
    }
}
