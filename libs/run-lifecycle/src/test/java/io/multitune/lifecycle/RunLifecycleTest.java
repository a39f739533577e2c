package io.multitune.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.AuditFailed;
import io.multitune.events.EvaluationFailed;
import io.multitune.events.ModelAudited;
import io.multitune.events.ModelEvaluated;
import io.multitune.events.ModelTrained;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class RunLifecycleTest {
    private static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");
    private static final TaskPlan A = new TaskPlan("a", TaskType.TEXT_CLASSIFICATION, List.of("a-data"),
            List.of("x", "y"), 0.5, 10, 10, 1, 2);
    private static final TaskPlan B = new TaskPlan("b", TaskType.TEXT_CLASSIFICATION, List.of("b-data"),
            List.of("x", "y"), 0.5, 10, 10, 1, 2);
    private static final LifecycleSettings SETTINGS = new LifecycleSettings(Duration.ofMinutes(15),
            Duration.ofMinutes(30), Duration.ofMinutes(60));

    private final AtomicLong clock = new AtomicLong();
    private final RunLifecycle lifecycle = new RunLifecycle(SETTINGS, clock::get);

    private static RunPlanned plan(String runId) {
        RunRequest request = new RunRequest(1, runId, List.of(RunRequest.TaskRef.of("a"), RunRequest.TaskRef.of("b")),
                null, null, null, null, 8, null, null, 1L, true, null, AT.minusSeconds(60));
        return new RunPlanned(1, runId, request, List.of(
                new JobPlan(runId + ".mtl", JobKind.MULTI_TASK, List.of(A, B), 10, 8, 1, "d"),
                new JobPlan(runId + ".stl.a", JobKind.BASELINE, List.of(A), 10, 8, 1, "d"),
                new JobPlan(runId + ".stl.b", JobKind.BASELINE, List.of(B), 10, 8, 1, "d")), AT);
    }

    private static ModelTrained trained(RunPlanned plan, int job) {
        JobPlan j = plan.jobs().get(job);
        return new ModelTrained(1, plan.runId(), j.jobId(), j.kind(), List.of(), 10,
                TrainingEnded.Outcome.COMPLETED, List.of(), Map.of(), AT);
    }

    private static TrainingEnded failed(RunPlanned plan, int job) {
        return new TrainingEnded(1, plan.runId(), plan.jobs().get(job).jobId(), TrainingEnded.Outcome.FAILED, 3,
                "out of memory", AT);
    }

    private static ModelTrained.Artifact artifact(String role, String runId, String name) {
        return new ModelTrained.Artifact(role, "runs/" + runId + "/" + name, "ab".repeat(32), 100);
    }

    private static RunEvaluated evaluated(String runId, boolean pass) {
        return new RunEvaluated(1, runId, runId + ".mtl", "CPU", 0.55, 0.46, 33.2, List.of(), List.of(), List.of(),
                new RunEvaluated.Verdict(pass, pass ? List.of() : List.of("Δm -3% < 0"), List.of()), List.of(),
                artifact("report", runId, "report.html"), AT);
    }

    private static RunAudited audited(String runId, boolean pass) {
        return new RunAudited(1, runId, runId + ".mtl", "CPU", List.of(), List.of(), List.of(), List.of(),
                List.of(), new RunEvaluated.Verdict(pass, pass ? List.of() : List.of("flip rate of b 0.2 > 0.05"),
                List.of()), artifact("bias-report", runId, "bias-report.html"), AT);
    }

    private static ModelEvaluated modelEvaluated(RunPlanned plan, int job) {
        JobPlan j = plan.jobs().get(job);
        return new ModelEvaluated(1, plan.runId(), j.jobId(), j.kind(), "m.onnx", "ab".repeat(32), "CPU", Map.of(),
                0.5, 1, 10, AT);
    }

    private static ModelAudited modelAudited(RunPlanned plan, int job) {
        JobPlan j = plan.jobs().get(job);
        return new ModelAudited(1, plan.runId(), j.jobId(), j.kind(), "m.onnx", "ab".repeat(32), "CPU", Map.of(),
                List.of(), 0, 1, AT);
    }

    private void trainAll(RunPlanned plan) {
        for (int job = 0; job < plan.jobs().size(); job++) {
            lifecycle.apply(trained(plan, job));
        }
    }

    private void minutes(long m) {
        clock.addAndGet(Duration.ofMinutes(m).toNanos());
    }

    private RunFailed onlyFailure() {
        List<RunEnding> due = lifecycle.due();
        assertEquals(1, due.size(), "one run ends: " + due);
        return assertInstanceOf(RunEnding.Failure.class, due.get(0)).event();
    }

    @Test
    void aRunCompletesOnceBothGatesJudgedItWithTheVerdictsJoinedAndEveryJobAccountedFor() {
        RunPlanned plan = plan("r");
        lifecycle.apply(plan);
        trainAll(plan);
        for (int job = 0; job < 3; job++) {
            lifecycle.apply(modelEvaluated(plan, job));
        }
        lifecycle.apply(modelAudited(plan, 0));
        lifecycle.apply(modelAudited(plan, 1));
        lifecycle.apply(evaluated("r", true));
        assertEquals(List.of(), lifecycle.due(), "the bias audit is not in yet");
        lifecycle.apply(audited("r", false));

        List<RunEnding> due = lifecycle.due();
        assertEquals(1, due.size());
        RunEnding.Completion completion = assertInstanceOf(RunEnding.Completion.class, due.get(0));
        String html = completion.reportHtml(AT);
        assertTrue(html.contains("flip rate of b 0.2 &gt; 0.05") || html.contains("flip rate of b 0.2 > 0.05"),
                "the page carries the bias section");
        RunCompleted event = completion.event(artifact("run-report", "r", "run-report.html"), AT);
        assertFalse(event.pass(), "the bias gate failed");
        assertTrue(event.evaluationVerdict().pass());
        assertEquals(List.of("bias: flip rate of b 0.2 > 0.05"), event.reasons());
        assertEquals(33.2, event.deltaMPercent());
        assertEquals(AT.minusSeconds(60), event.requestedAt());
        assertEquals("runs/r/report.html", event.evaluationReport().path());
        assertEquals("runs/r/bias-report.html", event.biasReport().path());
        RunCompleted.JobOutcome stlB = event.jobs().get(2);
        assertEquals("r.stl.b", stlB.jobId());
        assertEquals(10L, stlB.trainedSteps());
        assertTrue(stlB.evaluated());
        assertFalse(stlB.audited(), "no model-audited event for it");

        assertEquals(1, lifecycle.due().size(), "due until the host says it is emitted");
        lifecycle.ended("r");
        lifecycle.apply(evaluated("r", true));
        assertEquals(List.of(), lifecycle.due());
        assertEquals(0, lifecycle.open());
    }

    @Test
    void aFailedBaselineDoesNotFailTheRunButIsNamedInItsJobOutcome() {
        RunPlanned plan = plan("r");
        lifecycle.apply(plan);
        lifecycle.apply(trained(plan, 0));
        lifecycle.apply(trained(plan, 1));
        lifecycle.apply(failed(plan, 2));
        assertEquals(List.of(), lifecycle.due());
        lifecycle.apply(evaluated("r", false));
        lifecycle.apply(audited("r", true));
        RunEnding.Completion completion = assertInstanceOf(RunEnding.Completion.class, lifecycle.due().get(0));
        RunCompleted event = completion.event(artifact("run-report", "r", "run-report.html"), AT);
        assertEquals(List.of("evaluation: Δm -3% < 0"), event.reasons());
        RunCompleted.JobOutcome stlB = event.jobs().get(2);
        assertEquals(TrainingEnded.Outcome.FAILED, stlB.training());
        assertEquals(List.of("training failed: out of memory"), stlB.problems());
    }

    @Test
    void theMultiTaskJobFailingFailsTheRunAtTrainingAtOnce() {
        RunPlanned plan = plan("r");
        lifecycle.apply(plan);
        lifecycle.apply(failed(plan, 0));
        RunFailed failure = onlyFailure();
        assertEquals(RunFailed.Stage.TRAINING, failure.stage());
        assertEquals("r.mtl", failure.jobId());
        assertEquals("the multi-task job r.mtl failed: out of memory", failure.reason());
    }

    @Test
    void theMultiTaskModelFailingEvaluationOrAuditFailsTheRunAtThatStage() {
        RunPlanned plan = plan("r");
        lifecycle.apply(plan);
        trainAll(plan);
        lifecycle.apply(new EvaluationFailed(1, "r", "r.mtl", EvaluationFailed.Problem.MODEL_HASH_MISMATCH,
                "runs/r/mtl/model.onnx", "the model's SHA-256 differs from its event's", AT));
        assertEquals(RunFailed.Stage.EVALUATION, onlyFailure().stage());

        RunPlanned other = plan("s");
        lifecycle.ended("r");
        lifecycle.apply(other);
        trainAll(other);
        lifecycle.apply(evaluated("s", true));
        lifecycle.apply(new AuditFailed(1, "s", "s.stl.a", EvaluationFailed.Problem.MODEL_UNREADABLE, null,
                "a baseline cannot be read", AT));
        assertEquals(List.of(), lifecycle.due(), "a baseline's audit failing does not end the run");
        lifecycle.apply(new AuditFailed(1, "s", "s.mtl", EvaluationFailed.Problem.SCORING_ERROR, null,
                "run s could not be audited: boom", AT));
        RunFailed failure = onlyFailure();
        assertEquals(RunFailed.Stage.AUDIT, failure.stage());
        assertEquals("run s could not be audited: boom", failure.reason());
        assertEquals("runs/s/report.html", failure.report().path(), "the evaluation's report is still there");
    }

    @Test
    void aRejectedRequestEndsAsFailedAtTheRequestWithEveryProblem() {
        lifecycle.apply(new RunRejected(1, "r", List.of(
                new RunRejected.Problem("tasks[1]", RunRejected.Reason.UNKNOWN_TASK, "no dataset has task 'zz'"),
                new RunRejected.Problem("batchSize", RunRejected.Reason.BAD_PARAMETER, "must be ≥ 1")), AT));
        RunFailed failure = onlyFailure();
        assertEquals(RunFailed.Stage.REQUEST, failure.stage());
        assertEquals("the sampler rejected the request: tasks[1]: no dataset has task 'zz'; batchSize: must be ≥ 1",
                failure.reason());
    }

    @Test
    void aLaterRejectionOfARequestWithTheSameIdDoesNotEndAPlannedRun() {
        RunPlanned plan = plan("r");
        lifecycle.apply(plan);
        lifecycle.apply(new RunRejected(1, "r", List.of(new RunRejected.Problem("runId",
                RunRejected.Reason.DUPLICATE_RUN, "run r was already planned")), AT));
        assertEquals(List.of(), lifecycle.due());
        trainAll(plan);
        lifecycle.apply(evaluated("r", true));
        lifecycle.apply(audited("r", true));
        assertInstanceOf(RunEnding.Completion.class, lifecycle.due().get(0));
    }

    @Test
    void aRequestFromAnyProducerWithoutAPlanTimesOutAtPlanning() {
        byte[] body = "{\"tasks\": [\"a\"]}".getBytes(StandardCharsets.UTF_8);
        lifecycle.onRecords(List.of(new ConsumerRecord<>(Topics.RUNS, 0, 7L, "plain-run", body)));
        minutes(14);
        assertEquals(List.of(), lifecycle.due());
        minutes(1);
        RunFailed failure = onlyFailure();
        assertEquals("plain-run", failure.runId());
        assertEquals(RunFailed.Stage.PLANNING, failure.stage());
        assertEquals("no run-planned or run-rejected event within 15m of the request: is the sampler running?",
                failure.reason());
    }

    @Test
    void trainingFailsOnlyWhenTheTrainingTopicFallsSilentNotWhileAnotherRunTrains() {
        RunPlanned queued = plan("queued");
        RunPlanned busy = plan("busy");
        lifecycle.apply(busy);
        lifecycle.apply(queued);
        for (int i = 0; i < 4; i++) {
            minutes(20);
            lifecycle.apply(new TrainingProgress(1, "busy", "busy.mtl", i, 100, Map.of(), Map.of(), 1e-3, 1, 8, 1,
                    List.of(), List.of(), AT));
            assertEquals(List.of(), lifecycle.due(), "the trainer is alive: the queued run waits");
        }
        minutes(30);
        List<RunEnding> due = lifecycle.due();
        assertEquals(2, due.size());
        RunFailed failure = ((RunEnding.Failure) due.stream().filter(e -> e.runId().equals("queued")).findFirst()
                .orElseThrow()).event();
        assertEquals(RunFailed.Stage.TRAINING, failure.stage());
        assertEquals("no training event for 30m while job(s) queued.mtl, queued.stl.a, queued.stl.b had not "
                + "ended: is the trainer running?", failure.reason());
    }

    @Test
    void aMissingJudgementTimesOutFromTheLastJobsEndNamingTheSilentService() {
        RunPlanned plan = plan("r");
        lifecycle.apply(plan);
        minutes(50);
        trainAll(plan);
        lifecycle.apply(evaluated("r", true));
        minutes(59);
        assertEquals(List.of(), lifecycle.due());
        minutes(1);
        RunFailed failure = onlyFailure();
        assertEquals(RunFailed.Stage.AUDIT, failure.stage());
        assertEquals("no run-audited event within 1h of the run's last job ending: is the bias auditor running?",
                failure.reason());
        assertEquals("runs/r/report.html", failure.report().path());
    }

    @Test
    void aRunWithAnEndEventOnTheTopicIsLeftAlone() {
        RunPlanned plan = plan("r");
        lifecycle.apply(plan);
        lifecycle.apply(new RunFailed(1, "r", RunFailed.Stage.TRAINING, "r.mtl", "earlier", null, AT));
        trainAll(plan);
        lifecycle.apply(evaluated("r", true));
        lifecycle.apply(audited("r", true));
        minutes(600);
        assertEquals(List.of(), lifecycle.due());
        assertEquals(0, lifecycle.open());
    }
}
