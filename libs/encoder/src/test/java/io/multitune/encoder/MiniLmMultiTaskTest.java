package io.multitune.encoder;

import static io.multitune.encoder.TaskHeadFixture.djlHidden;
import static io.multitune.encoder.TaskHeadFixture.head;
import static io.multitune.encoder.TaskHeadFixture.maxHeadDiff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.multitune.encoder.model.AdapterSpec;
import io.multitune.encoder.model.BertEncoder;
import io.multitune.encoder.model.EncoderOptions;
import io.multitune.encoder.onnx.HeadOutput;
import io.multitune.encoder.onnx.OnnxBertReader;
import io.multitune.encoder.onnx.OnnxMultiTaskWriter;
import io.multitune.encoder.onnx.OrtMultiTaskRunner;
import io.multitune.encoder.onnx.OrtRunnerOptions;
import io.multitune.encoder.tokens.BertTokenization;
import io.multitune.encoder.tokens.EncodedBatch;
import io.multitune.encoder.weights.BertWeights;
import io.multitune.encoder.weights.TaskHeadWeights;
import io.multitune.encoder.weights.TaskHeadWeights.Kind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real all-MiniLM-L6-v2 with two random heads: exported, served by ONNX Runtime, equal to DJL + Java heads. */
class MiniLmMultiTaskTest {

    private static final double TOLERANCE = 1e-4;

    @Test
    void exportedMiniLmHeadsMatchDjlAndTheJavaHeads(@TempDir Path dir) throws Exception {
        BertWeights weights = OnnxBertReader.readMiniLm().weights();
        List<TaskHeadWeights> heads = List.of(
                head("sentiment", Kind.SEQUENCE_CLASSIFICATION, 384, 2, 11),
                head("pos-tags", Kind.TOKEN_CLASSIFICATION, 384, 12, 12));
        Path file = dir.resolve("minilm-multitask.onnx");
        long start = System.nanoTime();
        OnnxMultiTaskWriter.write(weights, heads, file);
        System.out.printf("MiniLM + 2 heads written in %.0f ms, %.1f MB%n", (System.nanoTime() - start) / 1e6,
                Files.size(file) / 1e6);

        try (NDManager manager = NDManager.newBaseManager("PyTorch");
             BertEncoder encoder = BertEncoder.create(manager, weights, EncoderOptions.of(AdapterSpec.frozen()));
             BertTokenization tokens = BertTokenization.miniLm();
             OrtMultiTaskRunner runner = OrtMultiTaskRunner.open(file, OrtRunnerOptions.defaults())) {
            assertEquals("pos_tags", runner.head("pos-tags").output());
            List<EncodedBatch> batches = List.of(tokens.encode(ParityCheck.PROBE_SENTENCES),
                    tokens.encodePairs(List.of("Is it raining?", "Who wrote it?"),
                            List.of("The streets are wet and people carry umbrellas.", "Nobody knows.")));
            for (EncodedBatch batch : batches) {
                Map<String, HeadOutput> ort = runner.run(batch);
                double diff = maxHeadDiff(heads, ort, djlHidden(encoder, batch), batch);
                System.out.printf("MiniLM + 2 heads, batch %dx%d: max |ORT - DJL+Java| %.3g%n", batch.size(),
                        batch.length(), diff);
                assertTrue(diff <= TOLERANCE, "heads differ by " + diff);
            }
        }
    }
}
