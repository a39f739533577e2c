package io.multitune.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Telemetry every 2 steps; the conflict matrix on step 3 (every 3), so only the record of steps 3-4 carries it. */
class TelemetryTest {

    @Test
    void recordsEveryNStepsWithTheConflictMatrixWhenMeasured() {
        List<TrainingTelemetry> records = new ArrayList<>();
        try (JobTrainer trainer = ResumeTest.trainer("equal", Fixtures.noDropout())) {
            for (int s = 1; s <= 4; s++) {
                Optional<TrainingTelemetry> t = trainer.train(Fixtures.train(s - 1, s, Fixtures.mixedExamples(s)));
                t.ifPresent(records::add);
                assertEquals(s % 2 == 0, t.isPresent(), "step " + s);
            }
        }
        TrainingTelemetry first = records.get(0);
        TrainingTelemetry second = records.get(1);
        assertEquals(2, first.step());
        assertEquals(2, first.steps());
        assertNull(first.conflictCosines());
        assertEquals(List.of("sentiment", "pos", "score"), second.taskIds());
        double[][] cosines = second.conflictCosines();
        assertNotNull(cosines);
        for (int i = 0; i < 3; i++) {
            assertEquals(1.0, cosines[i][i], 1e-9);
            for (int j = 0; j < 3; j++) {
                assertEquals(cosines[i][j], cosines[j][i], 1e-12);
                assertTrue(Math.abs(cosines[i][j]) <= 1.0);
            }
        }
        assertEquals(3, second.taskLoss().size());
        assertEquals(1.0, second.taskWeight().get("pos"));
        assertTrue(second.samplesPerSecond() > 0 && second.stepSeconds() > 0);
        // Schedule: peak 1e-2 over 6 steps, warm-up 1 step, linear decay: step 4 runs at 1e-2 · 3/5.
        assertEquals(1e-2 * 3 / 5, second.learningRate(), 1e-12);
        assertTrue(second.gradientNorm() > 0);
    }
}
