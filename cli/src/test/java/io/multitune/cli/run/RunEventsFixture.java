package io.multitune.cli.run;

import io.multitune.events.EvaluationFailed;
import io.multitune.events.ModelAudited;
import io.multitune.events.ModelEvaluated;
import io.multitune.events.ModelTrained;
import io.multitune.events.PipelineEvent;
import io.multitune.events.RunAudited;
import io.multitune.events.RunCompleted;
import io.multitune.events.RunEvaluated;
import io.multitune.events.RunFailed;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunPlanned.JobKind;
import io.multitune.events.RunPlanned.JobPlan;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.RunRejected;
import io.multitune.events.RunRequest;
import io.multitune.events.TaskType;
import io.multitune.events.Topics;
import io.multitune.events.TrainingEnded;
import io.multitune.events.TrainingProgress;
import io.multitune.events.TrainingStarted;
import io.multitune.events.ValidationReported;
import io.multitune.sampling.request.RunDefaults;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The events of one run of two tasks (sentiment, pos) with baselines, as the sampler, trainer, evaluator and bias
 * auditor would publish them; jobs {@code <run>.mtl}, {@code <run>.stl.sentiment}, {@code <run>.stl.pos}.
 */
final class RunEventsFixture {
    static final String SHA = "ab".repeat(32);

    private final String runId;
    private final Instant at;

    RunEventsFixture(String runId, Instant at) {
        this.runId = runId;
        this.at = at;
    }

    String mtl() {
        return runId + ".mtl";
    }

    String stl(String task) {
        return runId + ".stl." + task;
    }

    RunRequest request() {
        return new RunRequest(RunRequest.SCHEMA_VERSION, runId, List.of(RunRequest.TaskRef.of("sentiment"),
                RunRequest.TaskRef.of("pos")), null, null, null, null, null, new RunRequest.Budget(30L, null), null,
                null, null, null, at);
    }

    RunPlanned plan() {
        TaskPlan sentiment = new TaskPlan("sentiment", TaskType.TEXT_CLASSIFICATION, List.of("sentiment-imdb"),
                List.of("negative", "positive"), 0.6, 1200, 288, 0.24, 64);
        TaskPlan pos = new TaskPlan("pos", TaskType.TOKEN_CLASSIFICATION, List.of("brown-pos"), List.of("ADJ", "NOUN"),
                0.4, 500, 192, 0.38, 64);
        return new RunPlanned(RunPlanned.SCHEMA_VERSION, runId, RunDefaults.effective(request(), "unused"), List.of(
                new JobPlan(mtl(), JobKind.MULTI_TASK, List.of(sentiment, pos), 30, 16, 1, "d1"),
                new JobPlan(stl("sentiment"), JobKind.BASELINE, List.of(sentiment), 18, 16, 1, "d2"),
                new JobPlan(stl("pos"), JobKind.BASELINE, List.of(pos), 12, 16, 1, "d3")), at);
    }

    RunRejected rejected(RunRejected.Reason reason) {
        return new RunRejected(RunRejected.SCHEMA_VERSION, runId, List.of(new RunRejected.Problem("tasks[0]", reason,
                "no task or dataset 'sentimnt'")), at);
    }

    /** A job trained to its end: started, progress at half way, validation, its model, its end. */
    List<PipelineEvent> trained(String jobId, JobKind kind, long steps, double score) {
        var result = new ValidationReported.TaskResult(0.4, "accuracy", score, 64, false);
        return List.of(
                new TrainingStarted(1, runId, jobId, "replica-a", 0, steps, at),
                new TrainingProgress(1, runId, jobId, steps / 2, steps, Map.of("sentiment", 0.61),
                        Map.of("sentiment", 1.0), 1e-4, 0.2, 80, 1.0, List.of("sentiment"), null, at),
                new ValidationReported(1, runId, jobId, 1, steps, Map.of("sentiment", result), at),
                new ModelTrained(1, runId, jobId, kind, List.of("sentiment"), steps, TrainingEnded.Outcome.COMPLETED,
                        List.of(new ModelTrained.Artifact("model", "runs/" + runId + "/" + jobId + "/model.onnx",
                                SHA, 10)), Map.of("sentiment", result), at),
                new TrainingEnded(1, runId, jobId, TrainingEnded.Outcome.COMPLETED, steps, "done", at));
    }

    TrainingEnded failedTraining(String jobId, long step) {
        return new TrainingEnded(1, runId, jobId, TrainingEnded.Outcome.FAILED, step, "batch 3 is malformed", at);
    }

    ModelEvaluated modelEvaluated(String jobId, JobKind kind) {
        return new ModelEvaluated(1, runId, jobId, kind, "runs/" + runId + "/" + jobId + "/model.onnx", SHA, "CPU",
                Map.of("sentiment", new ModelEvaluated.TaskEvaluation(TaskType.TEXT_CLASSIFICATION, 200, "accuracy",
                        0.9, 0.9, Map.of("accuracy", 0.9), List.of())), 0.9, 1.5, 133, at);
    }

    EvaluationFailed evaluationFailed(String jobId) {
        return new EvaluationFailed(1, runId, jobId, EvaluationFailed.Problem.MODEL_MISSING, null,
                "no model.onnx under the artifact root", at);
    }

    List<RunEvaluated.TaskOutcome> tasks() {
        return List.of(
                new RunEvaluated.TaskOutcome("sentiment", TaskType.TEXT_CLASSIFICATION, "accuracy", true, 1, 200,
                        0.90, 0.85, 0.05, 0.01, 0.09, 0.05, new RunEvaluated.McNemar(20, 10, "EXACT_BINOMIAL", null,
                        0.0494), 5.9, false),
                new RunEvaluated.TaskOutcome("pos", TaskType.TOKEN_CLASSIFICATION, "tag-macro-f1", true, 1, 100,
                        0.60, 0.50, 0.10, 0.04, 0.16, 0.05, null, 20.0, false));
    }

    RunEvaluated evaluated() {
        return new RunEvaluated(1, runId, mtl(), "CPU", 0.75, 0.675, 12.5, tasks(), List.of(), List.of(),
                new RunEvaluated.Verdict(true, List.of(), List.of()), List.of(),
                new ModelTrained.Artifact("report", "runs/" + runId + "/report.html", SHA, 10), at);
    }

    ModelAudited modelAudited(String jobId, JobKind kind) {
        return new ModelAudited(1, runId, jobId, kind, "runs/" + runId + "/" + jobId + "/model.onnx", SHA, "CPU",
                Map.of(), List.of(), 442, 2.5, at);
    }

    RunAudited audited() {
        return new RunAudited(1, runId, mtl(), "CPU", List.of(new RunAudited.TransferRow("pos",
                "counterfactual-flip-rate", null, 0.21, 0.52, -0.31, -0.39, -0.22, true, true)), List.of(), List.of(),
                List.of(), List.of(), new RunEvaluated.Verdict(false, List.of("task pos: flip rate 0.2100 above "
                + "0.0500"), List.of()), new ModelTrained.Artifact("bias-report", "runs/" + runId
                + "/bias-report.html", SHA, 10), at);
    }

    /** Completed, failing the bias gate; the pos baseline trained 12 steps and was not audited. */
    RunCompleted completed() {
        List<RunCompleted.JobOutcome> jobs = List.of(
                new RunCompleted.JobOutcome(mtl(), JobKind.MULTI_TASK, List.of("sentiment", "pos"), 30, 30L,
                        TrainingEnded.Outcome.COMPLETED, true, true, List.of()),
                new RunCompleted.JobOutcome(stl("sentiment"), JobKind.BASELINE, List.of("sentiment"), 18, 18L,
                        TrainingEnded.Outcome.EARLY_STOPPED, true, true, null),
                new RunCompleted.JobOutcome(stl("pos"), JobKind.BASELINE, List.of("pos"), 12, 12L,
                        TrainingEnded.Outcome.COMPLETED, true, false, List.of("audit: no audit arrived")));
        return new RunCompleted(RunCompleted.SCHEMA_VERSION, runId, false,
                List.of("bias: task pos: flip rate 0.2100 above 0.0500"),
                new RunEvaluated.Verdict(true, List.of(), List.of()),
                new RunEvaluated.Verdict(false, List.of("task pos: flip rate 0.2100 above 0.0500"), List.of()),
                mtl(), 0.75, 0.675, 12.5, tasks(), jobs,
                new ModelTrained.Artifact("run-report", "runs/" + runId + "/run-report.html", SHA, 10),
                evaluated().report(), audited().report(), at, at);
    }

    /** Completed, passing both gates. */
    RunCompleted completedPassing() {
        RunCompleted c = completed();
        RunEvaluated.Verdict pass = new RunEvaluated.Verdict(true, List.of(), List.of());
        return new RunCompleted(c.schemaVersion(), runId, true, List.of(), pass, pass, c.multiTaskJobId(),
                c.unifiedScore(), c.baselineUnifiedScore(), c.deltaMPercent(), c.tasks(), c.jobs(), c.report(),
                c.evaluationReport(), c.biasReport(), c.requestedAt(), c.at());
    }

    RunFailed failed(RunFailed.Stage stage, String jobId, String reason) {
        return new RunFailed(RunFailed.SCHEMA_VERSION, runId, stage, jobId, reason, null, at);
    }

    /** The topic an event of the pipeline goes to. */
    static String topicOf(PipelineEvent e) {
        if (e instanceof RunRequest || e instanceof RunPlanned || e instanceof RunRejected
                || e instanceof RunCompleted || e instanceof RunFailed) {
            return Topics.RUNS;
        } else if (RunRecord.runIdOf(e) == null) {
            return Topics.TRAINING;
        }
        return e.getClass().getSimpleName().contains("Audit") ? Topics.AUDITS : Topics.EVALUATIONS;
    }

    /** An event as a record read at {@code millis}. */
    static RunRecord record(PipelineEvent e, long millis) {
        return new RunRecord(topicOf(e), 0, millis, millis, e);
    }
}
