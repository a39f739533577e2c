package io.multitune.encoder.model;

import static io.multitune.encoder.TaskHeadFixture.djlHidden;
import static io.multitune.encoder.TaskHeadFixture.head;
import static io.multitune.encoder.TaskHeadFixture.maxAbsDiff;
import static io.multitune.encoder.TaskHeadFixture.maxHeadDiff;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.multitune.encoder.TinyBert;
import io.multitune.encoder.onnx.HeadOutput;
import io.multitune.encoder.onnx.OnnxMultiTaskWriter;
import io.multitune.encoder.onnx.OrtMultiTaskRunner;
import io.multitune.encoder.tokens.BertTokenization;
import io.multitune.encoder.tokens.EncodedBatch;
import io.multitune.encoder.weights.BertWeights;
import io.multitune.encoder.weights.TaskHeadWeights;
import io.multitune.encoder.weights.TaskHeadWeights.Kind;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The multi-task export against what was trained: ONNX Runtime's head outputs equal the pure-Java heads applied to
 * the DJL encoder's last_hidden_state, on the tiny BERT, for every head kind and padded batches of several lengths.
 */
class MultiTaskParityTest {

    private static final double TOLERANCE = 1e-5;
    private static final int HIDDEN = 32;

    private static NDManager manager;
    private static List<EncodedBatch> batches;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws Exception {
        manager = NDManager.newBaseManager("PyTorch");
        try (BertTokenization tokens = TinyBert.tokenization(dir)) {
            batches = List.of(
                    tokens.encode(TinyBert.SENTENCES),
                    tokens.encode(List.of("A good film!", "Run.", "The quick brown fox sat on the mat")),
                    tokens.encodePairs(TinyBert.SENTENCES.subList(0, 2), TinyBert.SENTENCES.subList(2, 4)));
        }
        assertTrue(batches.stream().mapToInt(EncodedBatch::length).distinct().count() == 3, "three lengths");
    }

    @AfterAll
    static void tearDown() {
        manager.close();
    }

    static List<TaskHeadWeights> allKinds() {
        return List.of(
                head("sentiment", Kind.SEQUENCE_CLASSIFICATION, HIDDEN, 3, 1),
                head("pos", Kind.TOKEN_CLASSIFICATION, HIDDEN, 5, 2),
                head("qa", Kind.SPAN, HIDDEN, 2, 3),
                head("similarity", Kind.REGRESSION, HIDDEN, 1, 4));
    }

    @Test
    void everyHeadKindMatchesTheJavaHeadsOnTheDjlEncoder() throws Exception {
        BertWeights weights = TinyBert.weights(41);
        List<TaskHeadWeights> heads = allKinds();
        try (BertEncoder encoder = BertEncoder.create(manager, weights, EncoderOptions.of(AdapterSpec.frozen()));
             OrtMultiTaskRunner runner = OrtMultiTaskRunner.open(OnnxMultiTaskWriter.write(weights, heads))) {
            assertParity(encoder, runner, heads, "tiny BERT + 4 heads");
        }
    }

    @Test
    void headsOnAMergedLoraEncoderMatchWhatWasTrained() throws Exception {
        AdapterSpec lora = AdapterSpec.lora(4, 8f, 0.1f, LoraTarget.values());
        List<TaskHeadWeights> heads = allKinds().subList(0, 3);
        try (BertEncoder encoder = BertEncoder.create(manager, TinyBert.weights(42), EncoderOptions.of(lora))) {
            AdapterTest.randomiseLoraB(encoder, 7);
            try (OrtMultiTaskRunner runner = OrtMultiTaskRunner.open(
                    OnnxMultiTaskWriter.write(encoder.exportWeights(), heads))) {
                assertParity(encoder, runner, heads, "tiny BERT, LoRA merged + 3 heads");
            }
        }
    }

    @Test
    void headsOnBottleneckAdaptersMatchWhatWasTrained() throws Exception {
        List<TaskHeadWeights> heads = allKinds().subList(1, 4);
        try (BertEncoder encoder = BertEncoder.create(manager, TinyBert.weights(43),
                EncoderOptions.of(AdapterSpec.bottleneck(8)))) {
            AdapterTest.randomiseTrainable(encoder, 8);
            try (OrtMultiTaskRunner runner = OrtMultiTaskRunner.open(
                    OnnxMultiTaskWriter.write(encoder.exportWeights(), heads))) {
                assertParity(encoder, runner, heads, "tiny BERT, bottleneck adapters + 3 heads");
            }
        }
    }

    @Test
    void aRowOfPaddingOnlyPoolsToZeroNotNaN() throws Exception {
        BertWeights weights = TinyBert.weights(44);
        List<TaskHeadWeights> heads = allKinds();
        // Row 1 has no real token: the count clamp (1e-9) must make its pooled vector 0, so the logits are the bias.
        EncodedBatch batch = new EncodedBatch(2, 4, new long[] {2, 7, 9, 3, 0, 0, 0, 0},
                new long[] {1, 1, 1, 1, 0, 0, 0, 0}, new long[8]);
        try (OrtMultiTaskRunner runner = OrtMultiTaskRunner.open(OnnxMultiTaskWriter.write(weights, heads))) {
            Map<String, HeadOutput> out = runner.run(batch);
            assertArrayEquals(heads.get(0).dense().bias().values(), out.get("sentiment").vector(1));
            assertArrayEquals(heads.get(3).dense().bias().values(), out.get("similarity").vector(1));
            assertTrue(maxHeadDiff(heads, out, runner.lastHiddenState(batch), batch) <= TOLERANCE);
        }
    }

    private static void assertParity(BertEncoder encoder, OrtMultiTaskRunner runner, List<TaskHeadWeights> heads,
                                     String what) throws Exception {
        for (EncodedBatch batch : batches) {
            float[] hidden = djlHidden(encoder, batch);
            Map<String, HeadOutput> ort = runner.run(batch);
            assertEquals(heads.stream().map(TaskHeadWeights::taskId).toList(), List.copyOf(ort.keySet()));
            double headDiff = maxHeadDiff(heads, ort, hidden, batch);
            double encoderDiff = maxAbsDiff(hidden, runner.lastHiddenState(batch));
            System.out.printf("%s, batch %dx%d: heads max |ORT - DJL+Java| %.3g, last_hidden_state %.3g%n", what,
                    batch.size(), batch.length(), headDiff, encoderDiff);
            assertTrue(headDiff <= TOLERANCE, what + ": heads differ by " + headDiff);
            assertTrue(encoderDiff <= TOLERANCE, what + ": last_hidden_state differs by " + encoderDiff);
        }
    }
}
