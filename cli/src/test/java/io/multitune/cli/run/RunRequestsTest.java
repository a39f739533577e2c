package io.multitune.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.cli.common.CliException;
import io.multitune.events.RunRejected;
import io.multitune.events.RunRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRequestsTest {
    @TempDir
    Path dir;

    @Test
    void readsYamlAndJson() throws Exception {
        Path yaml = dir.resolve("run.yaml");
        Files.writeString(yaml, """
                tasks:
                  - sentiment
                  - task: pos
                    datasets: [brown-pos]
                sampling:
                  strategy: temperature
                  temperature: 3
                budget:
                  steps: 200
                baselines: true
                """);
        RunRequest r = RunRequests.read(yaml);
        assertNull(r.runId());
        assertEquals(List.of("sentiment", "pos"), r.tasks().stream().map(RunRequest.TaskRef::task).toList());
        assertEquals(List.of("brown-pos"), r.tasks().get(1).datasets());
        assertEquals(3.0, r.sampling().temperature());
        assertEquals(200L, r.budget().steps());

        Path json = dir.resolve("run.json");
        Files.writeString(json, "{\"runId\":\"r1\",\"tasks\":[\"genre\"],\"batchSize\":32}");
        RunRequest j = RunRequests.read(json);
        assertEquals("r1", j.runId());
        assertEquals(32, j.batchSize());
    }

    @Test
    void problemsAreListedOnePerLineAndNothingIsSent() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                tasks: [sentiment]
                batchSize: "16"
                sampling:
                  temprature: 2
                """);
        CliException e = assertThrows(CliException.class, () -> RunRequests.read(bad));
        assertEquals(RunSubmitCommand.BAD_REQUEST, e.exitCode());
        assertEquals(bad + ": 2 problems; nothing was sent", e.getMessage());
        List<String> lines = e.details().lines().toList();
        assertEquals(2, lines.size(), e.details());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("batchSize: MALFORMED: ")), e.details());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("sampling.temprature: MALFORMED: unknown field")),
                e.details());
    }

    @Test
    void aMissingOrEmptyFileIsBadInput() throws Exception {
        CliException missing = assertThrows(CliException.class, () -> RunRequests.read(dir.resolve("nope.yaml")));
        assertEquals(RunSubmitCommand.BAD_REQUEST, missing.exitCode());
        assertTrue(missing.getMessage().endsWith("nope.yaml: no such file"), missing.getMessage());

        Path empty = dir.resolve("empty.yaml");
        Files.writeString(empty, "  \n");
        CliException e = assertThrows(CliException.class, () -> RunRequests.read(empty));
        assertEquals(RunSubmitCommand.BAD_REQUEST, e.exitCode());
        assertTrue(e.details().startsWith("request: MALFORMED: "), e.details());
    }

    @Test
    void stampSetsTheRunIdWhenAbsentAndTheRequestTime() {
        Instant now = Instant.parse("2026-01-02T03:04:05Z");
        RunRequest bare = new RunRequest(0, null, List.of(RunRequest.TaskRef.of("pos")), null, null, null, null, 8,
                null, null, null, null, null, Instant.EPOCH);
        RunRequest stamped = RunRequests.stamp(bare, now, () -> "run-new");
        assertEquals("run-new", stamped.runId());
        assertEquals(now, stamped.requestedAt());
        assertEquals(RunRequest.SCHEMA_VERSION, stamped.schemaVersion());
        assertEquals(8, stamped.batchSize());
        assertEquals(bare.tasks(), stamped.tasks());

        RunRequest named = RunRequests.stamp(bare.withRunId(" mine "), now, () -> "unused");
        assertEquals("mine", named.runId());
        assertTrue(RunRequests.stamp(bare, now).runId().startsWith("run-"));
    }

    @Test
    void problemLineFormat() {
        assertEquals("tasks[1]: UNKNOWN_TASK: no task or dataset 'x'", RunRequests.problemLine(
                new RunRejected.Problem("tasks[1]", RunRejected.Reason.UNKNOWN_TASK, "no task or dataset 'x'")));
    }
}
