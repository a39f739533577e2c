package io.multitune.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.RunPlanned;
import io.multitune.events.RunPlanned.JobKind;
import io.multitune.events.RunPlanned.JobPlan;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.RunRejected;
import io.multitune.events.RunRequest;
import io.multitune.events.TaskType;
import io.multitune.sampling.request.RunDefaults;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanReportTest {

    static RunPlanned plan() {
        RunRequest request = RunDefaults.effective(new RunRequest(RunRequest.SCHEMA_VERSION, "run-1",
                List.of(RunRequest.TaskRef.of("sentiment"), RunRequest.TaskRef.of("pos")), null, null, null, null,
                null, new RunRequest.Budget(30L, null), null, null, null, null, null), "unused");
        TaskPlan sentiment = new TaskPlan("sentiment", TaskType.TEXT_CLASSIFICATION,
                List.of("sentiment-imdb", "sentiment-yelp"), List.of("negative", "positive"), 0.6234, 1200, 299,
                0.2492, 64);
        TaskPlan pos = new TaskPlan("pos", TaskType.TOKEN_CLASSIFICATION, List.of("brown-pos"),
                List.of("ADJ", "ADP", "NOUN", "VERB"), 0.3766, 12345, 181, 0.0147, 64);
        return new RunPlanned(RunPlanned.SCHEMA_VERSION, "run-1", request, List.of(
                new JobPlan("run-1-mtl", JobKind.MULTI_TASK, List.of(sentiment, pos), 30, 16, 1, "d1"),
                new JobPlan("run-1-sentiment", JobKind.BASELINE, List.of(sentiment), 19, 16, 1, "d2"),
                new JobPlan("run-1-pos", JobKind.BASELINE, List.of(pos), 12, 16, 1, "d3")),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void rendersTheJobsAndTheMultiTaskJobsTasks() {
        String text = PlanReport.render(plan());
        List<String> lines = text.lines().toList();
        assertEquals("run run-1 planned: 3 jobs (1 multi-task, 2 baselines)", lines.get(0));
        assertTrue(lines.get(1).contains("sampling temperature (T=2), heterogeneous batches; batch size 16; "
                + "budget 30 steps; validation every 50 steps; seed 42; window 32 batches"), lines.get(1));
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("job ")).findFirst().orElseThrow());
        assertTrue(lines.get(header).matches("job +kind +tasks +steps +batch size +validation rounds"),
                lines.get(header));
        assertTrue(lines.get(header + 1).startsWith("---"), text);
        assertTrue(lines.get(header + 2).matches("run-1-mtl +multi-task +sentiment, pos +30 +16 +1"),
                lines.get(header + 2));
        assertTrue(lines.get(header + 3).matches("run-1-sentiment +baseline +sentiment +19 +16 +1"),
                lines.get(header + 3));
        assertTrue(text.contains("\ntasks of the multi-task job run-1-mtl:\n"), text);
        String sentimentRow = lines.stream().filter(l -> l.startsWith("sentiment ")).findFirst().orElseThrow();
        assertTrue(sentimentRow.matches("sentiment +text-classification +sentiment-imdb, sentiment-yelp +2 +62\\.3% "
                + "+1,200 +299 +0\\.25"), sentimentRow);
        String posRow = lines.stream().filter(l -> l.startsWith("pos ")).findFirst().orElseThrow();
        assertTrue(posRow.matches("pos +token-classification +brown-pos +4 +37\\.7% +12,345 +181 +0\\.01"), posRow);
        // numbers are right-aligned: the proportion column ends at the same place in both rows
        assertEquals(sentimentRow.indexOf('%'), posRow.indexOf('%'));
    }

    @Test
    void rejectionListsEveryProblem() {
        RunRejected rejected = new RunRejected(RunRejected.SCHEMA_VERSION, "run-2", List.of(
                new RunRejected.Problem("tasks[0]", RunRejected.Reason.UNKNOWN_TASK, "no task or dataset 'sentimnt'"),
                new RunRejected.Problem("batchSize", RunRejected.Reason.BAD_PARAMETER, "must be at least 1")),
                Instant.now());
        assertEquals("run run-2 was rejected by the sampler: 2 problems", PlanReport.rejectionHeadline(rejected));
        assertEquals("tasks[0]: UNKNOWN_TASK: no task or dataset 'sentimnt'\n"
                + "batchSize: BAD_PARAMETER: must be at least 1\n", PlanReport.rejectionProblems(rejected));
    }

    @Test
    void settingsOfAnEpochBudgetAndValidationAtTheEnd() {
        RunRequest r = new RunRequest(1, "r", List.of(), null, null, null,
                new RunRequest.Sampling("proportional", null, null, null, null, null, 8), 64,
                new RunRequest.Budget(null, 1.0), new RunRequest.Validation(0L, null, null, null), null, false, null,
                null);
        assertEquals("sampling proportional; batch size 64; budget 1 epoch; validation at the end; window 8 batches",
                PlanReport.settings(r));
    }
}
