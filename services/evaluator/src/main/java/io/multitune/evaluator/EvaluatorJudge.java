package io.multitune.evaluator;

import io.multitune.events.EvaluationFailed;
import io.multitune.events.ModelEvaluated;
import io.multitune.events.ModelTrained;
import io.multitune.events.RunEvaluated;
import io.multitune.events.RunPlanned.JobPlan;
import io.multitune.intake.IntakeFailure;
import io.multitune.intake.RunJudge;
import io.multitune.intake.TrackedRun;
import io.multitune.reporting.RunReport;
import io.multitune.reporting.RunReportInput;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The evaluator's side of a run ({@link io.multitune.intake.RunTracker} follows the run): each model is scored on
 * the run's test set and reported as model-evaluated; the run is judged against its baselines, its report written,
 * and the run-evaluated event sent, then recorded on disk so that a restart does not judge it again.
 */
final class EvaluatorJudge implements RunJudge<ScoredModel> {
    private static final Logger LOG = Logger.getLogger(EvaluatorJudge.class);

    private final EvaluatorContext context;
    /** Per run, the model-evaluated events sent (the report lists them); dropped once the run is judged. */
    private final Map<String, List<ModelEvaluated>> evaluations = new HashMap<>();

    EvaluatorJudge(EvaluatorContext context) {
        this.context = context;
    }

    @Override
    public boolean judgedBefore(String runId) {
        return context.files().done(runId);
    }

    @Override
    public ScoredModel process(TrackedRun run, ModelTrained trained, JobPlan job) throws IntakeFailure {
        ScoredModel model = context.scoring().score(trained, job, run.plan().request().baseModel(), run.testSet(),
                primaryMetrics(run));
        model.notes().forEach(run::note);
        ModelEvaluated event = ModelEvaluations.event(run.runId(), model, scoreWeights(run));
        evaluations.computeIfAbsent(run.runId(), r -> new ArrayList<>()).add(event);
        context.metrics().modelEvaluated(event);
        LOG.infof("scored %s (%s) on %d test examples in %.1f s with ONNX Runtime on %s: unified score %.4f",
                model.jobId(), model.kind(), model.examples(), model.seconds(), model.executionProvider(),
                event.unifiedScore());
        context.events().sendAndWait(event);
        return model;
    }

    @Override
    public void failed(TrackedRun run, String jobId, IntakeFailure e) {
        context.metrics().evaluationFailed(e.problem());
        LOG.warnf("evaluation of %s failed (%s): %s", jobId, e.problem(), e.getMessage());
        context.events().sendAndWait(new EvaluationFailed(EvaluationFailed.SCHEMA_VERSION, run.runId(), jobId,
                e.problem(), e.field(), e.getMessage(), Instant.now()));
    }

    @Override
    public void notJudged(TrackedRun run, String why) {
        LOG.warnf("run %s cannot be judged: %s", run.runId(), why);
        evaluations.remove(run.runId());
    }

    @Override
    public boolean judge(TrackedRun run, ScoredModel mtl, Map<String, ScoredModel> baselines,
                         Map<String, String> missing) {
        RunEvaluated judged;
        try {
            judged = context.judgement().judge(run.plan(), mtl, baselines, missing, run.testSet().index(),
                    run.notes());
        } catch (IntakeFailure | RuntimeException e) {
            // A bug, not a bad model: say so once on the topic instead of retrying at every tick.
            LOG.errorf(e, "run %s could not be judged", run.runId());
            context.events().sendAndWait(new EvaluationFailed(EvaluationFailed.SCHEMA_VERSION, run.runId(),
                    mtl.jobId(), EvaluationFailed.Problem.SCORING_ERROR, null, "run " + run.runId()
                    + " could not be judged: " + e, Instant.now()));
            evaluations.remove(run.runId());
            return true;
        }
        try {
            RunEvaluated withReport = withReport(judged, context.files().writeReport(run.runId(),
                    RunReport.html(new RunReportInput(run.plan(), judged, evaluations.getOrDefault(run.runId(),
                            List.of()), run.progress(), run.validation(), Instant.now()))));
            context.events().sendAndWait(withReport);
            context.files().markDone(withReport, run.runId());
            context.metrics().runJudged(withReport);
            LOG.infof("run %s judged: %s; unified score %.4f, Δm %s; report %s", run.runId(),
                    withReport.verdict().pass() ? "PASS" : "FAIL", withReport.unifiedScore(),
                    withReport.deltaMPercent() == null ? "undefined"
                            : String.format(Locale.ROOT, "%+.2f%%", withReport.deltaMPercent()),
                    withReport.report().path());
        } catch (IOException e) {
            LOG.errorf(e, "the report of run %s could not be written; trying again at the next tick", run.runId());
            return false;
        }
        evaluations.remove(run.runId());
        return true;
    }

    private static RunEvaluated withReport(RunEvaluated e, ModelTrained.Artifact report) {
        return new RunEvaluated(e.schemaVersion(), e.runId(), e.multiTaskJobId(), e.executionProvider(),
                e.unifiedScore(), e.baselineUnifiedScore(), e.deltaMPercent(), e.tasks(), e.missingBaselines(),
                e.notes(), e.verdict(), e.review(), report, e.at());
    }

    private static Map<String, String> primaryMetrics(TrackedRun run) {
        var gates = run.plan().request().gates();
        return gates == null || gates.evaluation() == null || gates.evaluation().primaryMetrics() == null
                ? Map.of() : gates.evaluation().primaryMetrics();
    }

    private static Map<String, Double> scoreWeights(TrackedRun run) {
        var gates = run.plan().request().gates();
        return gates == null || gates.evaluation() == null || gates.evaluation().scoreWeights() == null
                ? Map.of() : gates.evaluation().scoreWeights();
    }
}
