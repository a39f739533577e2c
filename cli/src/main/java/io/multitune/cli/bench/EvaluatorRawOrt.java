package io.multitune.cli.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.multitune.encoder.onnx.OnnxBertWriter;
import io.multitune.encoder.tokens.EncodedBatch;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code bench evaluator}'s reference: a bare ONNX Runtime loop. The batches are tokenised once up front and turned
 * into input tensors once; a pass is nothing but {@code OrtSession.run} per batch, asking for the same head output
 * the scorer asks for, with the result closed unread (no copy to the Java heap, no post-processing).
 *
 * <p>The session is opened with the settings {@code OrtRunnerOptions.defaults()} gives the scorer: the intra-op
 * thread count (0: ONNX Runtime's choice), no spinning, and the CUDA execution provider when the scorer got it.
 */
final class EvaluatorRawOrt implements AutoCloseable {

    private final OrtSession session;
    private final List<Map<String, OnnxTensor>> inputs = new ArrayList<>();
    private final Set<String> outputs;
    private final int rows;

    private EvaluatorRawOrt(OrtSession session, Set<String> outputs, int rows) {
        this.session = session;
        this.outputs = outputs;
        this.rows = rows;
    }

    /**
     * Opens the model and creates every batch's input tensors.
     *
     * @param provider "CUDA" or "CPU", as the scorer's session reported
     * @param output   the head output to ask for
     */
    static EvaluatorRawOrt open(Path model, int intraOpThreads, String provider, String output,
                                List<EncodedBatch> batches) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (intraOpThreads > 0) {
                options.setIntraOpNumThreads(intraOpThreads);
            }
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            if ("CUDA".equals(provider)) {
                options.addCUDA(0);
            }
            session = env.createSession(model.toString(), options);
        }
        EvaluatorRawOrt raw = new EvaluatorRawOrt(session, Set.of(output),
                batches.stream().mapToInt(EncodedBatch::size).sum());
        try {
            for (EncodedBatch b : batches) {
                long[] shape = {b.size(), b.length()};
                // In the list before its tensors are made, so close() frees whatever was created before a failure.
                Map<String, OnnxTensor> in = new LinkedHashMap<>();
                raw.inputs.add(in);
                in.put(OnnxBertWriter.INPUT_IDS, OnnxTensor.createTensor(env, LongBuffer.wrap(b.inputIds()), shape));
                in.put(OnnxBertWriter.ATTENTION_MASK,
                        OnnxTensor.createTensor(env, LongBuffer.wrap(b.attentionMask()), shape));
                in.put(OnnxBertWriter.TOKEN_TYPE_IDS,
                        OnnxTensor.createTensor(env, LongBuffer.wrap(b.tokenTypeIds()), shape));
            }
            return raw;
        } catch (OrtException | RuntimeException e) {
            try {
                raw.close();
            } catch (OrtException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Sentences per pass. */
    int rows() {
        return rows;
    }

    /** One pass over every batch; returns the number of outputs produced (so the work cannot be optimised away). */
    long pass() throws OrtException {
        long produced = 0;
        for (Map<String, OnnxTensor> in : inputs) {
            try (OrtSession.Result result = session.run(in, outputs)) {
                produced += result.size();
            }
        }
        return produced;
    }

    @Override
    public void close() throws OrtException {
        for (Map<String, OnnxTensor> in : inputs) {
            in.values().forEach(OnnxTensor::close);
        }
        inputs.clear();
        session.close();
    }
}
