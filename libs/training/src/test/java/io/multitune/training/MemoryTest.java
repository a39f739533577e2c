package io.multitune.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Steps and validation rounds free what they make: the model's managers hold the same arrays after more steps. */
class MemoryTest {

    @ParameterizedTest
    @ValueSource(strings = {"equal", "famo", "pcgrad", "gradnorm"})
    void arraysDoNotAccumulateAcrossSteps(String strategy) {
        try (JobTrainer trainer = ResumeTest.trainer(strategy, Fixtures.noDropout())) {
            NDManager manager = trainer.model().manager();
            long sequence = 0;
            for (int s = 1; s <= 2; s++) {
                trainer.train(Fixtures.train(sequence++, s, Fixtures.mixedExamples(s)));
            }
            trainer.validate(List.of(Fixtures.validation(sequence++, 2, 1, Fixtures.mixedExamples(0))));
            int settled = manager.getManagedArrays().size();
            for (int s = 3; s <= 6; s++) {
                trainer.train(Fixtures.train(sequence++, s, Fixtures.mixedExamples(s)));
            }
            trainer.validate(List.of(Fixtures.validation(sequence++, 6, 2, Fixtures.mixedExamples(1))));
            assertEquals(settled, manager.getManagedArrays().size());
        }
    }
}
