package io.multitune.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.cli.MultituneCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunSubmitCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new MultituneCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void options() {
        RunSubmitCommand plain = new RunSubmitCommand();
        new CommandLine(plain).parseArgs("run.yaml");
        assertEquals(Path.of("run.yaml"), plain.file);
        assertEquals(Duration.ofMinutes(10), plain.wait);
        assertFalse(plain.noWait);
        assertFalse(plain.follow);
        assertEquals(Duration.ofHours(24), plain.followTimeout);

        RunSubmitCommand custom = new RunSubmitCommand();
        new CommandLine(custom).parseArgs("--wait", "90s", "--no-wait", "r.json");
        assertEquals(Duration.ofSeconds(90), custom.wait);
        assertTrue(custom.noWait);

        RunSubmitCommand following = new RunSubmitCommand();
        new CommandLine(following).parseArgs("--follow", "--follow-timeout", "30m", "r.yaml");
        assertTrue(following.follow);
        assertEquals(Duration.ofMinutes(30), following.followTimeout);
    }

    @Test
    void aFileWithProblemsExitsTwoWithOneLinePerProblemAndSendsNothing() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "tasks: [sentiment]\nbatchSize: 1.5\nbudget: {epochs: one}\n");
        // KAFKA_BOOTSTRAP_SERVERS is not consulted: the file is read before anything connects
        assertEquals(RunSubmitCommand.BAD_REQUEST, run("run", "submit", bad.toString()));
        assertEquals("", out.toString());
        String[] lines = err.toString().split("\n");
        assertEquals("multitune run submit: " + bad + ": 2 problems; nothing was sent", lines[0]);
        assertTrue(lines[1].startsWith("batchSize: MALFORMED: "), err.toString());
        assertTrue(lines[2].startsWith("budget.epochs: MALFORMED: "), err.toString());
        assertEquals(3, lines.length, err.toString());
    }

    @Test
    void runGroupAloneShowsItsUsage() {
        assertEquals(0, run("run"));
        assertTrue(out.toString().contains("submit"), out.toString());
    }

    @Test
    void timeoutMessageIsOneLine() {
        String m = RunSubmission.timeoutMessage("run-1", Duration.ofMinutes(10), "no local sampler is running");
        assertEquals("run run-1: the sampler did not answer within 10m; no local sampler is running", m);
        assertFalse(m.contains("\n"));
        assertFalse(RunSubmission.samplerHint().contains("\n"));
        assertTrue(RunSubmission.samplerHint().contains("./multitune services"), RunSubmission.samplerHint());
    }

    @Test
    void sentLine() {
        assertEquals("run r sent to multitune.runs (partition 2, offset 7)",
                RunSubmission.sentLine(new RunClient.Submission("r", 2, 7, java.util.Map.of())));
    }
}
