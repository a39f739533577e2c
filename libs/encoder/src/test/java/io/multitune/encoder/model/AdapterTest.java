package io.multitune.encoder.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import io.multitune.encoder.TinyBert;
import io.multitune.encoder.tokens.BertTokenization;
import io.multitune.encoder.tokens.EncodedBatch;
import io.multitune.encoder.weights.BertWeights;
import io.multitune.encoder.weights.DenseWeights;
import io.multitune.encoder.weights.WeightTensor;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdapterTest {

    private static NDManager manager;
    private static EncodedBatch batch;
    private static final BertWeights WEIGHTS = TinyBert.weights(31);

    @BeforeAll
    static void setUp(@TempDir Path dir) throws Exception {
        manager = NDManager.newBaseManager("PyTorch");
        try (BertTokenization tokens = TinyBert.tokenization(dir)) {
            batch = tokens.encode(TinyBert.SENTENCES);
        }
    }

    @AfterAll
    static void tearDown() {
        manager.close();
    }

    @Test
    void loraWithBZeroEqualsTheBaseModel() {
        float[] base = EncoderFixture.hidden(manager, WEIGHTS, EncoderOptions.of(AdapterSpec.frozen()), batch);
        float[] lora = EncoderFixture.hidden(manager, WEIGHTS,
                EncoderOptions.of(AdapterSpec.lora(4, 8f, 0.1f, LoraTarget.values())), batch);
        assertEquals(0.0, EncoderFixture.maxAbsDiff(base, lora));
    }

    @Test
    void mergedLoraWeightsGiveTheUnmergedForward() {
        AdapterSpec lora = AdapterSpec.lora(4, 16f, 0f, LoraTarget.QUERY, LoraTarget.VALUE, LoraTarget.FFN);
        try (BertEncoder encoder = BertEncoder.create(manager, WEIGHTS, EncoderOptions.of(lora))) {
            randomiseLoraB(encoder, 1);
            float[] unmerged = EncoderFixture.hidden(encoder, batch);
            BertWeights merged = encoder.exportWeights();
            assertFalse(merged.layer(0).dense(io.multitune.encoder.weights.BertDense.QUERY)
                    .sameAs(WEIGHTS.layer(0).dense(io.multitune.encoder.weights.BertDense.QUERY)), "B ≠ 0 changes W");
            float[] fromMerged = EncoderFixture.hidden(manager, merged, EncoderOptions.of(AdapterSpec.frozen()), batch);
            assertTrue(EncoderFixture.maxAbsDiff(unmerged, fromMerged) < 1e-5);
        }
    }

    @Test
    void foldedQueryScaleComputesTheUnfoldedForwardAndExportsTheOriginalWeights() {
        // A frozen base carries the attention's 1/√d in its query weights; full fine-tuning multiplies the scores.
        float[] folded = EncoderFixture.hidden(manager, WEIGHTS, EncoderOptions.of(AdapterSpec.frozen()), batch);
        float[] unfolded = EncoderFixture.hidden(manager, WEIGHTS, EncoderOptions.of(AdapterSpec.full()), batch);
        assertTrue(EncoderFixture.maxAbsDiff(folded, unfolded) < 1e-5);
        AdapterSpec lora = AdapterSpec.lora(4, 8f, 0f, LoraTarget.QUERY);
        try (BertEncoder encoder = BertEncoder.create(manager, WEIGHTS, EncoderOptions.of(lora))) {
            io.multitune.encoder.weights.BertDense query = io.multitune.encoder.weights.BertDense.QUERY;
            assertTrue(encoder.exportWeights().layer(0).dense(query).sameAs(WEIGHTS.layer(0).dense(query)),
                    "B = 0 exports the base query weights bit for bit, not scaled and unscaled");
        }
    }

    @Test
    void mergeAddsScaledBTimesA() {
        DenseWeights base = new DenseWeights(WeightTensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3),
                WeightTensor.of(new float[] {7, 8}, 2));
        WeightTensor a = WeightTensor.of(new float[] {1, 0, -1}, 1, 3); // rank 1, in 3
        WeightTensor b = WeightTensor.of(new float[] {2, 3}, 2, 1);     // out 2, rank 1
        DenseWeights merged = LoraMath.merge(base, a, b, 0.5f);
        // W + 0.5 · [[2], [3]] · [[1, 0, -1]] = [[1+1, 2, 3-1], [4+1.5, 5, 6-1.5]]
        assertArrayEquals(new float[] {2, 2, 2, 5.5f, 5, 4.5f}, merged.weight().values());
        assertArrayEquals(new float[] {7, 8}, merged.bias().values());
    }

    @Test
    void bottleneckAdaptersStartAsTheIdentity() {
        float[] base = EncoderFixture.hidden(manager, WEIGHTS, EncoderOptions.of(AdapterSpec.frozen()), batch);
        float[] adapted = EncoderFixture.hidden(manager, WEIGHTS, EncoderOptions.of(AdapterSpec.bottleneck(8)), batch);
        assertEquals(0.0, EncoderFixture.maxAbsDiff(base, adapted));
    }

    @Test
    void onlyAdapterParametersTrainUnlessFull() {
        try (BertEncoder lora = BertEncoder.create(manager, WEIGHTS,
                EncoderOptions.of(AdapterSpec.lora(4, 8f, 0f, LoraTarget.QUERY, LoraTarget.VALUE)))) {
            List<Parameter> trainable = lora.trainableParameters();
            assertEquals(8, trainable.size()); // 2 layers × {query, value} × {A, B}
            assertTrue(trainable.stream().allMatch(named(".lora_A.weight").or(named(".lora_B.weight"))));
            assertEquals(2 * 2 * (4 * 32 + 32 * 4), lora.trainableParameterCount());
            assertTrue(lora.parameters().stream().filter(p -> !p.requiresGradient())
                    .noneMatch(p -> p.getArray().hasGradient()), "frozen arrays get no gradient");
        }
        try (BertEncoder bottleneck = BertEncoder.create(manager, WEIGHTS, EncoderOptions.of(AdapterSpec.bottleneck(8)))) {
            assertEquals(16, bottleneck.trainableParameters().size()); // 2 layers × 2 adapters × {down, up} × {W, b}
            assertTrue(bottleneck.trainableParameters().stream().allMatch(p -> p.getName().contains(".adapter.")));
            assertEquals(2 * 2 * (8 * 32 + 8 + 32 * 8 + 32), bottleneck.trainableParameterCount());
        }
        try (BertEncoder full = BertEncoder.create(manager, WEIGHTS, EncoderOptions.of(AdapterSpec.full()))) {
            assertEquals(full.parameters().size(), full.trainableParameters().size());
            assertEquals(WEIGHTS.parameterCount(), full.trainableParameterCount());
        }
        try (BertEncoder frozen = BertEncoder.create(manager, WEIGHTS, EncoderOptions.of(AdapterSpec.frozen()))) {
            assertTrue(frozen.trainableParameters().isEmpty());
        }
    }

    @Test
    void loraTargetsParseFromConfigText() {
        assertEquals(LoraTarget.ATTENTION_OUTPUT, LoraTarget.parse("attention-output"));
        assertEquals(LoraTarget.FFN, LoraTarget.parse(" FFN "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LoraTarget.parse("keys"));
        assertTrue(e.getMessage().contains("unknown LoRA target 'keys'"));
        assertThrows(IllegalArgumentException.class, () -> AdapterSpec.lora(0, 8f, 0f, LoraTarget.QUERY));
        assertThrows(IllegalArgumentException.class, () -> AdapterSpec.lora(4, 8f, 0f));
        AdapterSpec.Lora lora = (AdapterSpec.Lora) AdapterSpec.lora(8, 16f, 0f, LoraTarget.VALUE, LoraTarget.QUERY,
                LoraTarget.VALUE);
        assertEquals(List.of(LoraTarget.QUERY, LoraTarget.VALUE), List.copyOf(lora.targets()));
        assertEquals(2f, lora.scaling());
    }

    /** Gives every LoRA B random values, as training would. */
    static void randomiseLoraB(BertEncoder encoder, long seed) {
        randomise(encoder, seed, named(".lora_B.weight"));
    }

    /** Gives every trainable parameter random values. */
    static void randomiseTrainable(BertEncoder encoder, long seed) {
        randomise(encoder, seed, p -> true);
    }

    private static void randomise(BertEncoder encoder, long seed, Predicate<Parameter> which) {
        SplittableRandom random = new SplittableRandom(seed);
        for (Parameter p : encoder.trainableParameters()) {
            if (which.test(p)) {
                float[] values = new float[Math.toIntExact(p.getArray().size())];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) ((random.nextDouble() - 0.5) * 0.2);
                }
                p.getArray().set(FloatBuffer.wrap(values));
            }
        }
    }

    private static Predicate<Parameter> named(String suffix) {
        return p -> p.getName().endsWith(suffix);
    }
}
