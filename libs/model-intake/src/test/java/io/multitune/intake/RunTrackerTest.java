package io.multitune.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.EvaluationFailed;
import io.multitune.events.ModelTrained;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunPlanned.JobKind;
import io.multitune.events.RunPlanned.JobPlan;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.RunRequest;
import io.multitune.events.TaskType;
import io.multitune.events.TrainingEnded;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The tracker's run flow with a judge that records what it is asked: models processed once their plan is known,
 * the run judged when its baselines are settled or timed out, failures and earlier judgements respected.
 */
class RunTrackerTest {
    private static final TaskPlan A = new TaskPlan("a", TaskType.TEXT_CLASSIFICATION, List.of("a-data"),
            List.of("x", "y"), 0.5, 10, 10, 1, 2);
    private static final TaskPlan B = new TaskPlan("b", TaskType.TEXT_CLASSIFICATION, List.of("b-data"),
            List.of("x", "y"), 0.5, 10, 10, 1, 2);

    /** Records every call; processing job ids listed in {@code failing} fails. */
    private static final class RecordingJudge implements RunJudge<String> {
        final List<String> calls = new ArrayList<>();
        final Set<String> failing = new HashSet<>();
        final Set<String> judgedBefore = new HashSet<>();
        Map<String, String> baselines;
        Map<String, String> missing;

        @Override
        public boolean judgedBefore(String runId) {
            return judgedBefore.contains(runId);
        }

        @Override
        public String process(TrackedRun run, ModelTrained trained, JobPlan job) throws IntakeFailure {
            calls.add("process " + job.jobId());
            if (failing.contains(job.jobId())) {
                throw new IntakeFailure(EvaluationFailed.Problem.MODEL_HASH_MISMATCH, "model.onnx", "bad hash");
            }
            return "result of " + job.jobId();
        }

        @Override
        public void failed(TrackedRun run, String jobId, IntakeFailure failure) {
            calls.add("failed " + jobId + " " + failure.problem());
        }

        @Override
        public boolean judge(TrackedRun run, String multiTask, Map<String, String> baselinesByTask,
                             Map<String, String> missingBaselines) {
            calls.add("judge " + multiTask);
            baselines = baselinesByTask;
            missing = missingBaselines;
            return true;
        }

        @Override
        public void notJudged(TrackedRun run, String why) {
            calls.add("not judged: " + why);
        }
    }

    private static RunPlanned plan(String runId) {
        RunRequest request = new RunRequest(1, runId, List.of(RunRequest.TaskRef.of("a"), RunRequest.TaskRef.of("b")),
                null, null, null, null, 8, null, null, 1L, true, null, Instant.now());
        return new RunPlanned(1, runId, request, List.of(
                new JobPlan(runId + ".mtl", JobKind.MULTI_TASK, List.of(A, B), 10, 8, 1, "d"),
                new JobPlan(runId + ".stl.a", JobKind.BASELINE, List.of(A), 10, 8, 1, "d"),
                new JobPlan(runId + ".stl.b", JobKind.BASELINE, List.of(B), 10, 8, 1, "d")), Instant.now());
    }

    private static ModelTrained trained(RunPlanned plan, int job) {
        JobPlan j = plan.jobs().get(job);
        return new ModelTrained(1, plan.runId(), j.jobId(), j.kind(), List.of(), 10,
                TrainingEnded.Outcome.COMPLETED, List.of(), Map.of(), Instant.now());
    }

    private static RunTracker<String> tracker(RecordingJudge judge, Duration timeout) {
        return new RunTracker<>(judge, null, 100, timeout);
    }

    @Test
    void modelsWaitForTheirPlanAndTheRunIsJudgedOnceEveryBaselineIsIn() {
        RecordingJudge judge = new RecordingJudge();
        RunTracker<String> tracker = tracker(judge, Duration.ofHours(1));
        RunPlanned plan = plan("r");
        tracker.apply(trained(plan, 1));
        assertEquals(List.of(), judge.calls, "no plan yet: nothing to process against");
        tracker.apply(plan);
        tracker.apply(trained(plan, 0));
        tracker.apply(trained(plan, 0));
        assertEquals(List.of("process r.stl.a", "process r.mtl"), judge.calls, "a repeated event is ignored");
        tracker.apply(trained(plan, 2));
        assertEquals("judge result of r.mtl", judge.calls.get(3));
        assertEquals(Map.of("a", "result of r.stl.a", "b", "result of r.stl.b"), judge.baselines);
        assertEquals(Map.of(), judge.missing);
        assertEquals(0, tracker.runsWaiting());
    }

    @Test
    void aFailedBaselineIsMissingAtOnceAndAnAbsentOneAfterTheTimeout() {
        RecordingJudge judge = new RecordingJudge();
        judge.failing.add("r.stl.a");
        long[] now = {0};
        RunTracker<String> tracker = new RunTracker<>(judge, null, 100, Duration.ofMillis(200), () -> now[0]);
        RunPlanned plan = plan("r");
        tracker.apply(plan);
        tracker.apply(trained(plan, 1));
        tracker.apply(trained(plan, 0));
        tracker.tick();
        assertEquals(List.of("process r.stl.a", "failed r.stl.a MODEL_HASH_MISMATCH", "process r.mtl"), judge.calls,
                "b's baseline may still come");
        now[0] += Duration.ofMillis(300).toNanos();
        tracker.tick();
        assertEquals("judge result of r.mtl", judge.calls.get(3));
        assertTrue(judge.missing.get("a").contains("bad hash"), judge.missing::toString);
        assertTrue(judge.missing.get("b").contains("did not deliver a model within PT0.2S"), judge.missing::toString);
    }

    @Test
    void aFailedTrainingSettlesItsJobAndAFailedMultiTaskModelLeavesTheRunUnjudged() {
        RecordingJudge judge = new RecordingJudge();
        judge.failing.add("r.mtl");
        RunTracker<String> tracker = tracker(judge, Duration.ofHours(1));
        RunPlanned plan = plan("r");
        tracker.apply(plan);
        tracker.apply(new TrainingEnded(1, "r", "r.stl.a", TrainingEnded.Outcome.FAILED, 3, "gap in stream",
                Instant.now()));
        tracker.apply(trained(plan, 0));
        assertEquals(List.of("process r.mtl", "failed r.mtl MODEL_HASH_MISMATCH",
                "not judged: multi-task job r.mtl: its model could not be processed: bad hash"), judge.calls);
        tracker.apply(trained(plan, 2));
        assertEquals(3, judge.calls.size(), "a run left unjudged takes no more work");
    }

    @Test
    void aRunJudgedByAnEarlierProcessIsLeftAlone() {
        RecordingJudge judge = new RecordingJudge();
        judge.judgedBefore.add("r");
        RunTracker<String> tracker = tracker(judge, Duration.ofHours(1));
        RunPlanned plan = plan("r");
        tracker.apply(plan);
        plan.jobs().forEach(j -> tracker.apply(trained(plan, plan.jobs().indexOf(j))));
        assertEquals(List.of(), judge.calls);
    }
}
