package io.multitune.cli.run;

import static io.multitune.cli.run.RunEventsFixture.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.cli.common.CliException;
import io.multitune.events.ModelTrained;
import io.multitune.events.RunFailed;
import io.multitune.events.RunRejected;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerdictTableTest {
    @TempDir
    Path root;

    private final RunEventsFixture run = new RunEventsFixture("r1", Instant.parse("2026-11-26T14:35:24Z"));

    @Test
    void aCompletedRunShowsBothGatesTheReasonsTheScoresEveryJobAndTheReport() throws Exception {
        Path report = Files.createDirectories(root.resolve("runs/r1")).resolve("run-report.html");
        Files.writeString(report, "<html></html>");
        String text = VerdictTable.render(run.completed(), false, new ReportLocation(root, "http://eval:8084/"));
        List<String> lines = text.lines().toList();
        assertEquals("run r1 completed: FAIL (evaluation gate PASS, bias gate FAIL)", lines.get(0));
        assertEquals("  - bias: task pos: flip rate 0.2100 above 0.0500", lines.get(1));
        assertEquals("unified score: multi-task 0.7500, baselines 0.6750", lines.get(2));
        assertTrue(lines.get(3).startsWith("Δm: +12.50% "), lines.get(3));
        assertEquals("", lines.get(4));
        assertTrue(lines.get(5).matches("job +kind +tasks +planned steps +trained steps +training +evaluated +audited "
                + "+problems"), lines.get(5));
        assertTrue(lines.get(7).matches("r1\\.mtl +multi-task +sentiment, pos +30 +30 +completed +yes +yes +-"),
                lines.get(7));
        assertTrue(lines.get(8).matches("r1\\.stl\\.sentiment +baseline +sentiment +18 +18 +early stopped +yes +yes "
                + "+-"), lines.get(8));
        assertTrue(lines.get(9).matches("r1\\.stl\\.pos +baseline +pos +12 +12 +completed +yes +no "
                + "+audit: no audit arrived"), lines.get(9));
        assertEquals("report: " + report.toAbsolutePath(), lines.get(11));
        assertEquals("        http://eval:8084/runs/r1/run-report", lines.get(12));
        assertEquals(13, lines.size(), text);
        assertTrue(!text.contains("McNemar"), "no task table unless asked: " + text);

        String withTasks = VerdictTable.render(run.completed(), true, new ReportLocation(root, "http://eval:8084"));
        assertTrue(withTasks.lines().anyMatch(l -> l.matches("pos +tag-macro-f1 +0\\.6000 +0\\.5000 +\\+0\\.1000 "
                + "+\\[\\+0\\.0400, \\+0\\.1600\\] +- +better")), withTasks);
    }

    @Test
    void aReportNotOnThisMachineIsGivenRelativeToTheArtifactRoot() {
        ReportLocation away = new ReportLocation(root.resolve("absent"), ReportLocation.DEFAULT_EVALUATOR_URL);
        ModelTrained.Artifact report = run.completed().report();
        assertEquals("runs/r1/run-report.html (under the artifact root; not on this machine)", away.path(report));
        ReportLocation here = new ReportLocation(root, ReportLocation.DEFAULT_EVALUATOR_URL);
        assertEquals(root.resolve("runs/r1/run-report.html").toAbsolutePath() + " (no such file here)",
                here.path(report));
        assertEquals("http://localhost:8084/runs/run%201%2Fx/run-report", here.url("run 1/x", "run-report"));
    }

    @Test
    void aFailedRunShowsItsStageJobAndReason() {
        RunFailed failed = run.failed(RunFailed.Stage.TRAINING, "r1.mtl", "the multi-task job failed: batch 3 is "
                + "malformed");
        assertEquals("run r1 failed at TRAINING (job r1.mtl): the multi-task job failed: batch 3 is malformed\n",
                VerdictTable.failure(failed, new ReportLocation(null, "http://e")));
        RunFailed audit = new RunFailed(1, "r1", RunFailed.Stage.AUDIT, null, "no audit within 2h",
                run.evaluated().report(), Instant.now());
        assertEquals("run r1 failed at AUDIT: no audit within 2h\n"
                + "evaluation report: runs/r1/report.html (under the artifact root; not on this machine)\n"
                + "                   http://e/runs/r1/report\n",
                VerdictTable.failure(audit, new ReportLocation(null, "http://e")));
    }

    @Test
    void theEndDecidesTheExitCode() {
        ReportLocation nowhere = new ReportLocation(null, "http://e");
        StringWriter out = new StringWriter();
        RunState completed = new RunState("r1");
        completed.apply(record(run.plan(), 1));
        assertEquals(RunExit.NOT_ENDED, RunEnd.print(completed, true, new PrintWriter(out), nowhere));
        assertEquals("run r1 has not ended: planned at 2026-11-26 14:35:24 UTC, 3 jobs (1 multi-task, 2 baselines); "
                + "no run-completed or run-failed yet (./multitune run watch r1 follows it)\n", out.toString());
        completed.apply(record(run.completed(), 2));
        assertEquals(RunExit.GATE_FAILED, RunEnd.print(completed, false, new PrintWriter(new StringWriter()),
                nowhere));

        RunState failed = new RunState("r1");
        failed.apply(record(run.failed(RunFailed.Stage.EVALUATION, "r1.mtl", "model missing"), 1));
        assertEquals(RunExit.RUN_FAILED, RunEnd.print(failed, false, new PrintWriter(new StringWriter()), nowhere));

        RunState waiting = new RunState("r1");
        waiting.apply(record(run.request(), 1));
        StringWriter waitingOut = new StringWriter();
        assertEquals(RunExit.NOT_ENDED, RunEnd.print(waiting, false, new PrintWriter(waitingOut), nowhere));
        assertTrue(waitingOut.toString().startsWith("run r1 has not ended: requested at 2026-11-26 14:35:24 UTC, "
                + "waiting for the sampler's plan"), waitingOut.toString());

        RunState rejected = new RunState("r1");
        rejected.apply(record(run.rejected(RunRejected.Reason.UNKNOWN_TASK), 1));
        CliException e = assertThrows(CliException.class, () -> RunEnd.print(rejected, false,
                new PrintWriter(new StringWriter()), nowhere));
        assertEquals(RunExit.REJECTED, e.exitCode());
        assertEquals("run r1 was rejected by the sampler: 1 problem", e.getMessage());
        assertEquals("tasks[0]: UNKNOWN_TASK: no task or dataset 'sentimnt'\n", e.details());

        CliException unknown = assertThrows(CliException.class, () -> RunEnd.print(new RunState("r9"), false,
                new PrintWriter(new StringWriter()), nowhere));
        assertEquals(RunExit.NO_SUCH_RUN, unknown.exitCode());
        assertEquals("no run r9 on multitune.runs: no request and no plan with that id (./multitune run list shows "
                + "the runs)", unknown.getMessage());
    }
}
