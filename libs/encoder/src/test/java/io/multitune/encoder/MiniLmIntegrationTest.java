package io.multitune.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.multitune.encoder.model.AdapterSpec;
import io.multitune.encoder.model.BertEncoder;
import io.multitune.encoder.model.EncoderOptions;
import io.multitune.encoder.onnx.BertCheckpoint;
import io.multitune.encoder.onnx.OnnxBertReader;
import io.multitune.encoder.tokens.BertTokenization;
import io.multitune.encoder.tokens.EncodedBatch;
import io.multitune.encoder.weights.BertConfig;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The real all-MiniLM-L6-v2: read from the classpath, rebuilt in DJL, compared with ONNX Runtime on the original
 * file and on our own export of it.
 */
class MiniLmIntegrationTest {

    @Test
    void djlMatchesOnnxRuntimeOnTheRealMiniLm() throws Exception {
        long start = System.nanoTime();
        byte[] original = MiniLmL6V2.ONNX.readAllBytes();
        BertCheckpoint checkpoint = OnnxBertReader.read(original, MiniLmL6V2.ONNX.describe());
        long read = System.nanoTime();
        assertEquals(new BertConfig(6, 384, 12, 1536, 30522, 512, 2, 1e-12f), checkpoint.weights().config());
        assertEquals(11, checkpoint.opset());
        assertEquals(22_565_376, checkpoint.weights().parameterCount(), "every float of the file but none twice");

        try (NDManager manager = NDManager.newBaseManager("PyTorch");
             BertEncoder encoder = BertEncoder.create(manager, checkpoint.weights(),
                     EncoderOptions.of(AdapterSpec.frozen()));
             BertTokenization tokens = BertTokenization.miniLm()) {
            long built = System.nanoTime();
            System.out.printf("MiniLM load: read+parse ONNX %.0f ms, DJL encoder %.0f ms (sha256 %s)%n",
                    (read - start) / 1e6, (built - read) / 1e6, checkpoint.sha256());

            ParityCheck.Result againstFile = ParityCheck.compare(encoder, original, tokens);
            System.out.println("MiniLM, DJL vs ORT on the original file: " + againstFile);
            assertTrue(againstFile.passed(), againstFile.toString());

            EncodedBatch batch = tokens.encode(List.of("A second batch, padded: the export is checked on it.", "Yes."));
            ParityCheck.Result againstExport = ParityCheck.compareWithExport(encoder, batch,
                    ParityCheck.DEFAULT_TOLERANCE);
            System.out.println("MiniLM, DJL vs ORT on our export: " + againstExport);
            assertTrue(againstExport.passed(), againstExport.toString());
        }
    }
}
