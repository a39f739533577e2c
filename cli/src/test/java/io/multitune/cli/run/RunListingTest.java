package io.multitune.cli.run;

import static io.multitune.cli.run.RunEventsFixture.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.RunFailed;
import io.multitune.events.RunRejected;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunListingTest {
    private static final Instant T = Instant.parse("2026-11-26T14:35:24Z");

    /** Five runs, one in each state; the events of two runs interleave. */
    static List<RunRecord> runsTopic() {
        RunEventsFixture done = new RunEventsFixture("r-done", T);
        RunEventsFixture failed = new RunEventsFixture("r-failed", T.plusSeconds(60));
        RunEventsFixture rejected = new RunEventsFixture("r-rejected", T.plusSeconds(120));
        RunEventsFixture running = new RunEventsFixture("r-running", T.plusSeconds(180));
        RunEventsFixture waiting = new RunEventsFixture("r-waiting", T.plusSeconds(240));
        List<RunRecord> records = new ArrayList<>();
        long t = T.toEpochMilli();
        records.add(record(done.request(), t));
        records.add(record(done.plan(), t + 1));
        records.add(record(failed.request(), t + 60_000));
        records.add(record(failed.plan(), t + 60_001));
        records.add(record(done.completed(), t + 90_000));
        records.add(record(rejected.request(), t + 120_000));
        records.add(record(rejected.rejected(RunRejected.Reason.UNKNOWN_TASK), t + 120_001));
        records.add(record(failed.failed(RunFailed.Stage.TRAINING, failed.mtl(), "stalled"), t + 150_000));
        records.add(record(running.request(), t + 180_000));
        records.add(record(running.plan(), t + 180_001));
        records.add(record(waiting.request(), t + 240_000));
        records.add(record(done.rejected(RunRejected.Reason.DUPLICATE_RUN), t + 300_000)); // a duplicate request
        return records;
    }

    @Test
    void oneRowPerRunNewestLastWithItsState() {
        List<RunState> runs = RunListing.fold(runsTopic());
        assertEquals(List.of("r-done", "r-failed", "r-rejected", "r-running", "r-waiting"),
                runs.stream().map(RunState::runId).toList());
        List<String> lines = RunListing.render(runs, 50).lines().toList();
        assertTrue(lines.get(0).matches("run +requested \\(UTC\\) +planned \\(UTC\\) +tasks +jobs +state +Δm"),
                lines.get(0));
        assertTrue(lines.get(2).matches("r-done +2026-11-26 14:35:24 +2026-11-26 14:35:24 +sentiment, pos +3 "
                + "+completed FAIL +\\+12\\.50%"), lines.get(2));
        assertTrue(lines.get(3).matches("r-failed +2026-11-26 14:36:24 +2026-11-26 14:36:24 +sentiment, pos +3 "
                + "+failed at TRAINING +-"), lines.get(3));
        assertTrue(lines.get(4).matches("r-rejected +2026-11-26 14:37:24 +- +sentiment, pos +- +rejected +-"),
                lines.get(4));
        assertTrue(lines.get(5).matches("r-running +2026-11-26 14:38:24 +2026-11-26 14:38:24 +sentiment, pos +3 "
                + "+planned, running +-"), lines.get(5));
        assertTrue(lines.get(6).matches("r-waiting +2026-11-26 14:39:24 +- +sentiment, pos +- +waiting for plan +-"),
                lines.get(6));
        assertEquals(7, lines.size());
    }

    @Test
    void theLimitKeepsTheNewest() {
        String text = RunListing.render(RunListing.fold(runsTopic()), 2);
        List<String> lines = text.lines().toList();
        assertTrue(lines.get(2).startsWith("r-running "), text);
        assertTrue(lines.get(3).startsWith("r-waiting "), text);
        assertEquals("(the newest 2 of 5 runs; --limit shows more)", lines.get(4));
        assertEquals("no runs yet\n", RunListing.render(List.of(), 5));
    }
}
