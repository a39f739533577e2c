package io.multitune.encoder.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.multitune.encoder.ParityCheck;
import io.multitune.encoder.TinyBert;
import io.multitune.encoder.onnx.OnnxBertWriter;
import io.multitune.encoder.tokens.BertTokenization;
import io.multitune.encoder.tokens.EncodedBatch;
import io.multitune.encoder.weights.BertWeights;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DJL against ONNX Runtime on the tiny BERT written by {@link OnnxBertWriter}. */
class TinyParityTest {

    private static NDManager manager;
    private static EncodedBatch singles;
    private static EncodedBatch pairs;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws Exception {
        manager = NDManager.newBaseManager("PyTorch");
        try (BertTokenization tokens = TinyBert.tokenization(dir)) {
            singles = tokens.encode(TinyBert.SENTENCES);
            pairs = tokens.encodePairs(TinyBert.SENTENCES.subList(0, 2), TinyBert.SENTENCES.subList(2, 4));
        }
    }

    @AfterAll
    static void tearDown() {
        manager.close();
    }

    @Test
    void djlMatchesOnnxRuntimeOnPaddedSinglesAndPairs() throws Exception {
        BertWeights weights = TinyBert.weights(21);
        byte[] onnx = OnnxBertWriter.toBytes(weights);
        try (BertEncoder encoder = BertEncoder.create(manager, weights, EncoderOptions.of(AdapterSpec.frozen()))) {
            for (EncodedBatch batch : new EncodedBatch[] {singles, pairs}) {
                ParityCheck.Result result = ParityCheck.compare(encoder, onnx, batch, ParityCheck.DEFAULT_TOLERANCE);
                System.out.println("tiny BERT, DJL vs ORT: " + result);
                assertTrue(result.passed(), result.toString());
            }
        }
    }

    @Test
    void exportOfATrainedLoraEncoderMatchesOnnxRuntime() throws Exception {
        AdapterSpec lora = AdapterSpec.lora(4, 8f, 0.1f, LoraTarget.values());
        try (BertEncoder encoder = BertEncoder.create(manager, TinyBert.weights(22), EncoderOptions.of(lora))) {
            AdapterTest.randomiseLoraB(encoder, 5);
            ParityCheck.Result result = ParityCheck.compareWithExport(encoder, pairs, ParityCheck.DEFAULT_TOLERANCE);
            System.out.println("tiny BERT + LoRA merged, DJL vs ORT: " + result);
            assertTrue(result.passed(), result.toString());
        }
    }

    @Test
    void exportWithTrainedBottleneckAdaptersMatchesOnnxRuntime() throws Exception {
        try (BertEncoder encoder = BertEncoder.create(manager, TinyBert.weights(23),
                EncoderOptions.of(AdapterSpec.bottleneck(8)))) {
            AdapterTest.randomiseTrainable(encoder, 6);
            ParityCheck.Result result = ParityCheck.compareWithExport(encoder, singles, ParityCheck.DEFAULT_TOLERANCE);
            System.out.println("tiny BERT + bottleneck, DJL vs ORT: " + result);
            assertTrue(result.passed(), result.toString());
        }
    }
}
