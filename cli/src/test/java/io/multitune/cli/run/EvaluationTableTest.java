package io.multitune.cli.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.ModelTrained;
import io.multitune.events.RunEvaluated;
import io.multitune.events.TaskType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTableTest {
    @Test
    void printsEveryTaskTheScoresTheVerdictAndItsReasons() {
        RunEvaluated e = new RunEvaluated(1, "r", "r.mtl", "CPU", 0.7123, 0.6999, -3.5, List.of(
                new RunEvaluated.TaskOutcome("sentiment", TaskType.TEXT_CLASSIFICATION, "accuracy", true, 1, 200,
                        0.80, 0.90, -0.10, -0.15, -0.05, 0.05,
                        new RunEvaluated.McNemar(3, 23, "EXACT_BINOMIAL", null, 0.0001), -11.1, true),
                new RunEvaluated.TaskOutcome("pos", TaskType.TOKEN_CLASSIFICATION, "tag-macro-f1", true, 1, 100,
                        0.70, 0.60, 0.10, 0.02, 0.18, 0.05, null, 16.7, false),
                new RunEvaluated.TaskOutcome("genre", TaskType.TEXT_CLASSIFICATION, "accuracy", true, 1, 50,
                        0.30, null, null, null, null, null, null, null, false)),
                List.of("genre"), List.of(), new RunEvaluated.Verdict(false, List.of("task sentiment dropped 11.1%"),
                List.of(new RunEvaluated.Check("task-drop:sentiment", false, "task sentiment dropped 11.1%"))),
                List.of(), new ModelTrained.Artifact("report", "runs/r/report.html", "ab".repeat(32), 10),
                Instant.now());
        String text = EvaluationTable.render(e);
        assertTrue(text.contains("worse (negative transfer)"), text);
        assertTrue(text.contains("better"), text);
        assertTrue(text.contains("no baseline"), text);
        assertTrue(text.contains("[-0.1500, -0.0500]"), text);
        assertTrue(text.contains("0.0001"), text);
        assertTrue(text.contains("unified score: multi-task 0.7123, baselines 0.6999"), text);
        assertTrue(text.contains("Δm: -3.50%"), text);
        assertTrue(text.contains("judged without a baseline: genre"), text);
        assertTrue(text.contains("verdict: FAIL\n  - task sentiment dropped 11.1%"), text);
    }
}
