package io.multitune.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.StandardExample;
import io.multitune.training.eval.TaskValidation;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A task whose validation metric does not improve for {@code patience} rounds stops pulling: coefficient 0, its
 * head untouched from then on; the job is finished when every task has stopped.
 */
class EarlyStoppedTaskTest {

    /** Regression rows with one constant target: Pearson r is undefined, so the task never improves. */
    private static List<StandardExample> constantScores() {
        return List.of(Fixtures.valued("c1", "short", 1.0), Fixtures.valued("c2", "a longer sentence", 1.0));
    }

    @Test
    void aStoppedTaskNoLongerPullsAndAllStoppedFinishesTheJob() {
        try (JobTrainer trainer = ResumeTest.trainer("equal", Fixtures.noDropout())) {
            trainer.train(Fixtures.train(0, 1, Fixtures.mixedExamples(0)));
            List<TaskValidation> first = trainer.validate(List.of(Fixtures.validation(1, 1, 1, constantScores())));
            assertEquals("pearson", first.get(2).metric());
            assertTrue(Double.isNaN(first.get(2).score()));
            assertEquals(0, first.get(0).examples());
            trainer.validate(List.of(Fixtures.validation(2, 1, 2, constantScores())));
            assertTrue(trainer.stopped(2), "patience 2: two rounds without improvement");
            assertFalse(trainer.stopped(0));

            float[] before = trainer.model().head(2).weight().getArray().toFloatArray();
            trainer.train(Fixtures.train(3, 2, Fixtures.mixedExamples(1)));
            java.util.Optional<TrainingTelemetry> telemetry = trainer.train(Fixtures.train(4, 3,
                    Fixtures.mixedExamples(2)));
            assertArrayEquals(before, trainer.model().head(2).weight().getArray().toFloatArray(), 0f,
                    "the stopped task's head does not move");
            // Telemetry every 2 steps: the record after step 3 is not due; step 4 brings it.
            assertTrue(telemetry.isEmpty());
            TrainingTelemetry record = trainer.train(Fixtures.train(5, 4, Fixtures.mixedExamples(0))).orElseThrow();
            assertEquals(0.0, record.taskWeight().get("score"));
            assertEquals(1.0, record.taskWeight().get("sentiment"));
            assertFalse(record.taskLoss().containsKey("score"), "a stopped task reports no training loss");
            assertFalse(trainer.finished());
        }
    }

    @Test
    void aJobWhoseTasksAllStopIsFinished() {
        List<io.multitune.events.RunPlanned.TaskPlan> one = List.of(Fixtures.score());
        TrainerSettings settings = new TrainerSettings(1, Fixtures.noDropout(), 1e-3, 10, 0.1,
                io.multitune.training.optim.AdamWSettings.DEFAULTS, java.util.Map.of(), 1, "equal", null,
                new double[] {1}, 5, 0, 5);
        try (JobTrainer trainer = JobTrainer.start(Fixtures.manager(), Fixtures.tinyWeights(2), "single", one,
                Fixtures.assembler(one), settings)) {
            trainer.train(Fixtures.train(0, 1, Fixtures.scoreExamples()));
            trainer.validate(List.of(Fixtures.validation(1, 1, 1, constantScores())));
            assertTrue(trainer.finished());
            // A batch of a finished job is a no-op step: nothing pulls.
            trainer.train(Fixtures.train(2, 2, Fixtures.scoreExamples()));
            assertEquals(2, trainer.step());
        }
    }
}
