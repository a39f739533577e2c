package io.multitune.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.cli.common.Processes;
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
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run report} and {@code run list} against a real broker; the test publishes the pipeline's events. */
class RunReportListBrokerTest {
    @TempDir
    static Path dir;

    private static RunTestBroker broker;

    @BeforeAll
    static void start() throws Exception {
        broker = new RunTestBroker(dir);
        RunEventsFixture done = new RunEventsFixture("run-done", Instant.now());
        List<PipelineEvent> doneEvents = new ArrayList<>(List.of(done.request(), done.plan()));
        doneEvents.addAll(done.trained(done.mtl(), JobKind.MULTI_TASK, 30, 0.875));
        doneEvents.addAll(List.of(done.evaluated(), done.audited(), done.completed()));
        RunEventsFixture failed = new RunEventsFixture("run-failed", Instant.now());
        RunEventsFixture rejected = new RunEventsFixture("run-rejected", Instant.now());
        RunEventsFixture running = new RunEventsFixture("run-running", Instant.now());
        RunEventsFixture waiting = new RunEventsFixture("run-waiting", Instant.now());
        // one run after the other, a few milliseconds apart: runs are listed by the time of their first record
        for (List<? extends PipelineEvent> events : List.of(doneEvents,
                List.of(failed.request(), failed.plan(), failed.failedTraining(failed.mtl(), 3),
                        failed.failed(RunFailed.Stage.TRAINING, failed.mtl(), "the multi-task job failed: batch 3 "
                                + "is malformed")),
                List.of(rejected.request(), rejected.rejected(RunRejected.Reason.UNKNOWN_TASK)),
                List.of(running.request(), running.plan()),
                List.of(waiting.request()),
                List.of(done.rejected(RunRejected.Reason.DUPLICATE_RUN)))) { // a reused run id
            broker.publish(events);
            Thread.sleep(20);
        }
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void reportPrintsACompletedRunsVerdictWithItsTasksAndItsReport() throws Exception {
        Path report = Files.createDirectories(broker.artifacts().resolve("runs/run-done")).resolve("run-report.html");
        Files.writeString(report, "<html></html>");
        Result done = broker.multitune("run", "report", "run-done");
        assertEquals(RunExit.GATE_FAILED, done.exitCode(), done.err());
        List<String> lines = done.out().lines().toList();
        assertEquals("run run-done completed: FAIL (evaluation gate PASS, bias gate FAIL)", lines.get(0));
        assertEquals("  - bias: task pos: flip rate 0.2100 above 0.0500", lines.get(1));
        assertTrue(lines.stream().anyMatch(l -> l.matches("sentiment +accuracy +0\\.9000 +0\\.8500 +\\+0\\.0500 "
                + ".*better")), done.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("run-done\\.mtl +multi-task +sentiment, pos +30 +30 "
                + "+completed +yes +yes +-")), done.out());
        assertTrue(done.out().endsWith("report: " + report.toAbsolutePath() + "\n        "
                + RunTestBroker.EVALUATOR_URL + "/runs/run-done/run-report\n"), done.out());
        assertEquals("", done.err());
    }

    @Test
    void reportSaysWhereARunFailedOrThatItHasNotEnded() {
        Result failed = broker.multitune("run", "report", "run-failed");
        assertEquals(RunExit.RUN_FAILED, failed.exitCode());
        assertEquals("run run-failed failed at TRAINING (job run-failed.mtl): the multi-task job failed: batch 3 is "
                + "malformed\n", failed.out());

        Result running = broker.multitune("run", "report", "run-running");
        assertEquals(RunExit.NOT_ENDED, running.exitCode());
        assertTrue(running.out().matches("run run-running has not ended: planned at \\d{4}-\\d\\d-\\d\\d "
                + "\\d\\d:\\d\\d:\\d\\d UTC, 3 jobs \\(1 multi-task, 2 baselines\\); no run-completed or run-failed "
                + "yet \\(\\./multitune run watch run-running follows it\\)\n"), running.out());
        Result waiting = broker.multitune("run", "report", "run-waiting");
        assertEquals(RunExit.NOT_ENDED, waiting.exitCode());
        assertTrue(waiting.out().contains("waiting for the sampler's plan"), waiting.out());

        Result rejected = broker.multitune("run", "report", "run-rejected");
        assertEquals(RunExit.REJECTED, rejected.exitCode());
        assertTrue(rejected.err().startsWith("multitune run report: run run-rejected was rejected by the sampler"),
                rejected.err());
        Result unknown = broker.multitune("run", "report", "no-such-run");
        assertEquals(RunExit.NO_SUCH_RUN, unknown.exitCode());
        assertEquals(1, unknown.err().lines().count(), unknown.err());
    }

    @Test
    void listShowsOneRowPerRunNewestLast() {
        Result list = broker.multitune("run", "list");
        assertEquals(0, list.exitCode(), list.err());
        List<String> lines = list.out().lines().toList();
        assertTrue(lines.get(0).matches("run +requested \\(UTC\\) +planned \\(UTC\\) +tasks +jobs +state +Δm"),
                list.out());
        String time = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d";
        assertTrue(lines.get(2).matches("run-done +" + time + " +" + time + " +sentiment, pos +3 +completed FAIL "
                + "+\\+12\\.50%"), list.out());
        assertTrue(lines.get(3).matches("run-failed +" + time + " +" + time + " +sentiment, pos +3 "
                + "+failed at TRAINING +-"), list.out());
        assertTrue(lines.get(4).matches("run-rejected +" + time + " +- +sentiment, pos +- +rejected +-"), list.out());
        assertTrue(lines.get(5).matches("run-running +" + time + " +" + time + " +sentiment, pos +3 "
                + "+planned, running +-"), list.out());
        assertTrue(lines.get(6).matches("run-waiting +" + time + " +- +sentiment, pos +- +waiting for plan +-"),
                list.out());
        assertEquals(7, lines.size(), list.out());

        Result newest = broker.multitune("run", "list", "--limit", "2");
        assertTrue(newest.out().lines().skip(2).findFirst().orElseThrow().startsWith("run-running "), newest.out());
        assertTrue(newest.out().endsWith("(the newest 2 of 5 runs; --limit shows more)\n"), newest.out());
    }

    @Test
    void anUnreachableKafkaExitsFiveWithOneLine() {
        Result list = broker.multitune(Map.of("bootstrap.servers", "localhost:" + Processes.freePort()),
                new StringWriter(), "run", "list");
        assertEquals(RunExit.KAFKA_UNREACHABLE, list.exitCode());
        assertTrue(list.err().startsWith("multitune run list: cannot reach Kafka at localhost:"), list.err());
        assertEquals(1, list.err().lines().count(), list.err());
    }
}
