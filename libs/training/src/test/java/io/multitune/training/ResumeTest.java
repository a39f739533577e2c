package io.multitune.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Parameter;
import io.multitune.encoder.model.EncoderOptions;
import io.multitune.events.TrainingBatch;
import io.multitune.training.optim.AdamWState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reproducibility with dropout on: the same seed gives the same weights, and checkpoint → restore → continue gives
 * exactly the weights, optimizer state and strategy state of a run that never stopped.
 */
class ResumeTest {

    private static final EncoderOptions WITH_DROPOUT = new EncoderOptions(Fixtures.lora(0.1f), 0.1f, 0.1f, 7L);

    /** Six training steps with a validation round after step 3 and a batch of one task only at step 5. */
    static List<TrainingBatch> stream() {
        List<TrainingBatch> batches = new ArrayList<>();
        batches.add(Fixtures.train(0, 1, Fixtures.mixedExamples(0)));
        batches.add(Fixtures.train(1, 2, Fixtures.mixedExamples(1)));
        batches.add(Fixtures.train(2, 3, Fixtures.mixedExamples(2)));
        batches.add(Fixtures.validation(3, 3, 1, Fixtures.mixedExamples(3)));
        batches.add(Fixtures.train(4, 4, Fixtures.mixedExamples(4)));
        batches.add(Fixtures.train(5, 5, Fixtures.sentimentExamples()));
        batches.add(Fixtures.train(6, 6, Fixtures.mixedExamples(5)));
        return batches;
    }

    static JobTrainer trainer(String strategy, EncoderOptions encoder) {
        return JobTrainer.start(Fixtures.manager(), Fixtures.tinyWeights(13), "job", Fixtures.threeTasks(),
                Fixtures.assembler(Fixtures.threeTasks()), Fixtures.settings(encoder, strategy, 6));
    }

    static void feed(JobTrainer trainer, List<TrainingBatch> batches) {
        for (TrainingBatch b : batches) {
            if (b.kind() == TrainingBatch.Kind.TRAIN) {
                trainer.train(b);
            } else if (b.sequence() > trainer.lastAppliedSequence()) {
                trainer.validate(List.of(b));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"equal", "static", "uncertainty", "dwa", "famo", "pcgrad", "cagrad", "gradnorm"})
    void checkpointRestoreContinueEqualsAnUninterruptedRun(String strategy, @TempDir Path dir) throws IOException {
        List<TrainingBatch> stream = stream();
        TrainingState straight;
        try (JobTrainer trainer = trainer(strategy, WITH_DROPOUT)) {
            feed(trainer, stream);
            straight = trainer.state();
        }
        Path checkpoint = dir.resolve("checkpoint");
        try (JobTrainer first = trainer(strategy, WITH_DROPOUT)) {
            feed(first, stream.subList(0, 4));
            first.checkpoint(checkpoint);
        }
        TrainingState resumedState;
        try (JobTrainer second = trainer(strategy, WITH_DROPOUT)) {
            second.restore(TrainingState.read(checkpoint));
            assertEquals(3, second.lastAppliedSequence());
            feed(second, stream); // the first four batches are already applied and are skipped
            resumedState = second.state();
        }
        assertEquals(6, resumedState.step());
        assertSame(straight, resumedState);
    }

    @Test
    void theSameSeedGivesTheSameWeightsAndAnotherSeedOthers() {
        List<TrainingBatch> stream = stream();
        TrainingState a;
        TrainingState b;
        try (JobTrainer trainer = trainer("famo", WITH_DROPOUT)) {
            feed(trainer, stream);
            a = trainer.state();
        }
        try (JobTrainer trainer = trainer("famo", WITH_DROPOUT)) {
            feed(trainer, stream);
            b = trainer.state();
        }
        assertSame(a, b);
        try (JobTrainer other = JobTrainer.start(Fixtures.manager(), Fixtures.tinyWeights(13), "job",
                Fixtures.threeTasks(), Fixtures.assembler(Fixtures.threeTasks()),
                withSeed(Fixtures.settings(WITH_DROPOUT, "famo", 6), 8L))) {
            feed(other, stream);
            String name = "heads.sentiment.dense.weight";
            assertFalse(Arrays.equals(a.parameters().get(name).values(),
                    other.state().parameters().get(name).values()));
        }
    }

    @Test
    void aCorruptCheckpointIsRefusedAndRewritingReplacesIt(@TempDir Path dir) throws IOException {
        Path checkpoint = dir.resolve("ckpt");
        try (JobTrainer trainer = trainer("equal", WITH_DROPOUT)) {
            feed(trainer, stream().subList(0, 2));
            trainer.checkpoint(checkpoint);
            feed(trainer, stream().subList(2, 3));
            trainer.checkpoint(checkpoint);
        }
        assertEquals(3, TrainingState.read(checkpoint).step());
        try (var files = Files.list(dir)) {
            assertEquals(List.of("ckpt"), files.map(p -> p.getFileName().toString()).toList());
        }
        byte[] bytes = Files.readAllBytes(checkpoint.resolve(TrainingState.PARAMETERS));
        bytes[bytes.length - 1] ^= 1;
        Files.write(checkpoint.resolve(TrainingState.PARAMETERS), bytes);
        IOException e = assertThrows(IOException.class, () -> TrainingState.read(checkpoint));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void aCheckpointOfAnotherSetupIsRefused(@TempDir Path dir) throws IOException {
        try (JobTrainer trainer = trainer("equal", WITH_DROPOUT)) {
            trainer.checkpoint(dir.resolve("c"));
        }
        try (JobTrainer other = trainer("famo", WITH_DROPOUT)) {
            TrainingState state = TrainingState.read(dir.resolve("c"));
            assertThrows(IllegalArgumentException.class, () -> other.restore(state));
        }
    }

    static TrainerSettings withSeed(TrainerSettings s, long seed) {
        return new TrainerSettings(seed, s.encoder(), s.learningRate(), s.totalSteps(), s.warmupFraction(), s.adamW(),
                s.headL2(), s.patience(), s.strategy(), s.strategyParams(), s.staticWeights(), s.telemetryEvery(),
                s.conflictsEvery(), s.windowSteps());
    }

    /** Bit-for-bit equality of everything in the two states. */
    static void assertSame(TrainingState expected, TrainingState actual) {
        assertEquals(expected.step(), actual.step());
        assertEquals(expected.lastAppliedSequence(), actual.lastAppliedSequence());
        assertEquals(expected.parameters().keySet(), actual.parameters().keySet());
        expected.parameters().forEach((name, t) ->
                assertArrayEquals(t.values(), actual.parameters().get(name).values(), 0f, name));
        AdamWState a = expected.optimizer();
        AdamWState b = actual.optimizer();
        assertEquals(a.updates(), b.updates());
        a.firstMoments().forEach((name, t) -> assertArrayEquals(t.values(), b.firstMoments().get(name).values(), 0f));
        a.secondMoments().forEach((name, t) -> assertArrayEquals(t.values(), b.secondMoments().get(name).values(), 0f));
        assertEquals(expected.weighting().arrays().keySet(), actual.weighting().arrays().keySet());
        expected.weighting().arrays().forEach((k, v) ->
                assertArrayEquals(v, actual.weighting().arrays().get(k), 0.0, k));
        assertEquals(expected.weighting().scalars(), actual.weighting().scalars());
        assertArrayEquals(expected.lastLosses(), actual.lastLosses(), 0.0);
        assertArrayEquals(expected.earlyStopping().best(), actual.earlyStopping().best(), 0.0);
    }

    @Test
    void parametersAreNamedStably() {
        try (JobTrainer trainer = trainer("equal", WITH_DROPOUT)) {
            List<String> names = trainer.model().trainableParameters().stream().map(Parameter::getName).toList();
            assertEquals("encoder.layer.0.attention.self.query.lora_A.weight", names.get(0));
            assertEquals("heads.score.dense.bias", names.get(names.size() - 1));
        }
    }
}
