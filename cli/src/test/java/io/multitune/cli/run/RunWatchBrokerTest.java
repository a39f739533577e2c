package io.multitune.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.cli.run.RunTestBroker.Result;
import io.multitune.events.PipelineEvent;
import io.multitune.events.RunFailed;
import io.multitune.events.RunPlanned.JobKind;
import io.multitune.events.RunRejected;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run watch} and {@code run submit --follow} against a real broker; the test publishes the pipeline's events. */
class RunWatchBrokerTest {
    @TempDir
    static Path dir;

    private static RunTestBroker broker;

    @BeforeAll
    static void start() throws Exception {
        broker = new RunTestBroker(dir);
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void replaysARunThatEndedInTheOrderItHappenedAndPrintsItsVerdict() throws Exception {
        RunEventsFixture run = new RunEventsFixture("run-done", Instant.now());
        List<PipelineEvent> events = new ArrayList<>(List.of(run.request(), run.plan()));
        events.addAll(run.trained(run.mtl(), JobKind.MULTI_TASK, 30, 0.875));
        events.addAll(run.trained(run.stl("sentiment"), JobKind.BASELINE, 18, 0.85));
        events.addAll(run.trained(run.stl("pos"), JobKind.BASELINE, 12, 0.5));
        events.addAll(List.of(run.modelEvaluated(run.mtl(), JobKind.MULTI_TASK),
                run.evaluationFailed(run.stl("pos")), run.evaluated(), run.modelAudited(run.mtl(),
                        JobKind.MULTI_TASK), run.audited(), run.completed()));
        broker.publish(events);
        Path report = Files.createDirectories(broker.artifacts().resolve("runs/run-done")).resolve("run-report.html");
        Files.writeString(report, "<html></html>");

        Result watch = broker.multitune("run", "watch", "run-done", "--timeout", "60s");
        assertEquals(RunExit.GATE_FAILED, watch.exitCode(), watch.err() + watch.out());
        String out = watch.out();
        assertTrue(out.startsWith("run run-done planned: 3 jobs (1 multi-task, 2 baselines)\n"), out);
        assertTrue(out.contains("  run-done.mtl           [########################]   30/30  completed  "
                + "sentiment accuracy 0.875\n"), out);
        assertTrue(out.contains("  run-done.stl.pos       [########################]   12/12  completed"), out);
        assertTrue(out.contains("  scored run-done.mtl on 200 test examples in 1.5 s (CPU): unified score 0.9000\n"),
                out);
        assertTrue(out.contains("  evaluation of run-done.stl.pos failed (MODEL_MISSING): no model.onnx under"), out);
        assertTrue(out.contains("\nevaluation of run run-done (the evaluator's gate):\ntask "), out);
        assertTrue(out.contains("  audited run-done.mtl: 442 model inputs in 2.5 s (CPU); 0 task(s) audited, 0 not"),
                out);
        assertTrue(out.contains("\nbias audit of run run-done (the bias gate):\ntask "), out);
        assertTrue(out.contains("\nrun run-done completed: FAIL (evaluation gate PASS, bias gate FAIL)\n"
                + "  - bias: task pos: flip rate 0.2100 above 0.0500\nunified score: multi-task 0.7500, "
                + "baselines 0.6750\n"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("run-done\\.stl\\.pos +baseline +pos +12 +12 +completed +yes "
                + "+no +audit: no audit arrived")), out);
        assertTrue(out.endsWith("report: " + report.toAbsolutePath() + "\n"
                + "        " + RunTestBroker.EVALUATOR_URL + "/runs/run-done/run-report\n"), out);
        // in the order it happened: training, evaluation, audit, end
        assertTrue(out.indexOf("30/30") < out.indexOf("scored run-done.mtl")
                && out.indexOf("scored") < out.indexOf("evaluation of run")
                && out.indexOf("evaluation of run") < out.indexOf("bias audit of run")
                && out.indexOf("bias audit of run") < out.indexOf("completed: FAIL"), out);
        assertEquals("", watch.err());

        Result unknown = broker.multitune("run", "watch", "no-such-run", "--timeout", "30s");
        assertEquals(RunExit.NO_SUCH_RUN, unknown.exitCode());
        assertEquals("multitune run watch: no run no-such-run on multitune.runs: no request and no plan with that id "
                + "(./multitune run list shows the runs)\n", unknown.err());
    }

    @Test
    void followsARunLiveFromItsRequestToItsFailure() throws Exception {
        RunEventsFixture run = new RunEventsFixture("run-live", Instant.now());
        broker.publish(List.of(run.request()));
        StringWriter live = new StringWriter();
        CompletableFuture<Result> watching = CompletableFuture.supplyAsync(() -> broker.multitune(
                broker.connection(), live, "run", "watch", "run-live", "--timeout", "90s"));
        awaitPrinted(live, "waiting for the sampler's plan");
        RunEventsFixture planned = new RunEventsFixture("run-live", Instant.now());
        List<PipelineEvent> events = new ArrayList<>(List.of(planned.plan()));
        events.addAll(planned.trained(planned.stl("sentiment"), JobKind.BASELINE, 18, 0.85));
        events.add(planned.failedTraining(planned.mtl(), 3));
        broker.publish(events);
        awaitPrinted(live, "failed: batch 3 is malformed"); // seen live, before the run's end arrives
        broker.publish(List.of(planned.failed(RunFailed.Stage.TRAINING, planned.mtl(), "the multi-task job failed: "
                + "batch 3 is malformed")));
        Result watch = watching.get(60, TimeUnit.SECONDS);
        assertEquals(RunExit.RUN_FAILED, watch.exitCode(), watch.err() + watch.out());
        String out = watch.out();
        assertTrue(out.startsWith("run run-live: requested at "), out);
        assertTrue(out.contains(", waiting for the sampler's plan\nrun run-live planned: 3 jobs"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("  run-live\\.mtl +\\[##-{22}\\] +3/30  failed: batch 3 is "
                + "malformed")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("  run-live\\.stl\\.pos +\\[-{24}\\] +0/12  waiting for a "
                + "trainer")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("  run-live\\.stl\\.sentiment \\[#{24}\\] +18/18  completed  "
                + "sentiment accuracy 0\\.850")), out);
        assertTrue(out.endsWith("\nrun run-live failed at TRAINING (job run-live.mtl): the multi-task job failed: "
                + "batch 3 is malformed\n"), out);
    }

    @Test
    void submitFollowPrintsThePlanOnceThenWatchesTheRunToItsVerdict() throws Exception {
        Path file = Files.writeString(dir.resolve("run-follow.yaml"),
                "runId: run-follow\ntasks: [sentiment, pos]\nbudget: {steps: 30}\n");
        CompletableFuture<Result> submitting = CompletableFuture.supplyAsync(() -> broker.multitune("run", "submit",
                file.toString(), "--wait", "60s", "--follow", "--follow-timeout", "60s"));
        // the test plays the sampler, the trainer, the evaluator and the bias auditor
        broker.awaitRequest("run-follow");
        RunEventsFixture run = new RunEventsFixture("run-follow", Instant.now());
        List<PipelineEvent> events = new ArrayList<>(List.of(run.plan()));
        events.addAll(run.trained(run.mtl(), JobKind.MULTI_TASK, 30, 0.875));
        events.addAll(run.trained(run.stl("sentiment"), JobKind.BASELINE, 18, 0.85));
        events.addAll(run.trained(run.stl("pos"), JobKind.BASELINE, 12, 0.5));
        events.addAll(List.of(run.evaluated(), run.audited(), run.completedPassing()));
        broker.publish(events);
        Result submit = submitting.get(90, TimeUnit.SECONDS);
        assertEquals(RunExit.PASSED, submit.exitCode(), submit.err() + submit.out());
        String out = submit.out();
        assertTrue(out.startsWith("run run-follow sent to multitune.runs (partition "), out);
        assertEquals(1, out.split("run run-follow planned: 3 jobs", -1).length - 1, "the plan once: " + out);
        assertTrue(out.lines().anyMatch(l -> l.matches("  run-follow\\.mtl +\\[#{24}\\] +30/30  completed .*")), out);
        assertTrue(out.contains("\nevaluation of run run-follow (the evaluator's gate):\n"), out);
        assertTrue(out.contains("\nrun run-follow completed: PASS (evaluation gate PASS, bias gate PASS)\n"
                + "unified score: multi-task 0.7500"), out);
        assertTrue(out.endsWith("report: " + broker.artifacts().resolve("runs/run-follow/run-report.html")
                .toAbsolutePath() + " (no such file here)\n        " + RunTestBroker.EVALUATOR_URL
                + "/runs/run-follow/run-report\n"), out);
    }

    @Test
    void aRejectedRunExitsThreeAndARunThatDoesNotEndInTimeFour() throws Exception {
        RunEventsFixture rejected = new RunEventsFixture("run-rejected", Instant.now());
        RunEventsFixture running = new RunEventsFixture("run-running", Instant.now());
        broker.publish(List.of(rejected.request(), rejected.rejected(RunRejected.Reason.UNKNOWN_TASK),
                running.request(), running.plan()));

        Result watchRejected = broker.multitune("run", "watch", "run-rejected");
        assertEquals(RunExit.REJECTED, watchRejected.exitCode());
        assertEquals("multitune run watch: run run-rejected was rejected by the sampler: 1 problem\n"
                + "tasks[0]: UNKNOWN_TASK: no task or dataset 'sentimnt'\n", watchRejected.err());

        Result timedOut = broker.multitune("run", "watch", "run-running", "--timeout", "3s");
        assertEquals(RunExit.TIMEOUT, timedOut.exitCode());
        assertEquals("multitune run watch: run run-running did not end within 3s: still waiting for the training "
                + "of 3 of 3 jobs (run-running.mtl, run-running.stl.sentiment, run-running.stl.pos)\n",
                timedOut.err());
        assertTrue(timedOut.out().contains("   0/30  waiting for a trainer"), timedOut.out());
    }

    /** Waits until the watch has printed {@code text} (at most a minute; the assertions then say what is missing). */
    private static void awaitPrinted(StringWriter live, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!live.toString().contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }
}
