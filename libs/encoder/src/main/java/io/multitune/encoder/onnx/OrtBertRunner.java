package io.multitune.encoder.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.multitune.encoder.tokens.EncodedBatch;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;

/** Runs a BERT-layout ONNX graph in ONNX Runtime (CPU) on an {@link EncodedBatch}; the reference for parity. */
public final class OrtBertRunner implements AutoCloseable {

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;

    private OrtBertRunner(OrtSession session) {
        this.session = session;
    }

    public static OrtBertRunner open(byte[] onnxBytes) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            // Spinning intra-op threads steal the cores DJL's training threads need (STACK.md).
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            return new OrtBertRunner(env.createSession(onnxBytes, options));
        }
    }

    /** last_hidden_state (or the graph's first output) as a flat row-major [size, length, hidden] array. */
    public float[] lastHiddenState(EncodedBatch batch) throws OrtException {
        long[] shape = {batch.size(), batch.length()};
        Map<String, long[]> available = Map.of(
                OnnxBertWriter.INPUT_IDS, batch.inputIds(),
                OnnxBertWriter.ATTENTION_MASK, batch.attentionMask(),
                OnnxBertWriter.TOKEN_TYPE_IDS, batch.tokenTypeIds());
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            for (String name : session.getInputNames()) {
                long[] values = available.get(name);
                if (values == null) {
                    throw new IllegalArgumentException("the graph wants an input named " + name);
                }
                inputs.put(name, OnnxTensor.createTensor(environment, LongBuffer.wrap(values), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                OnnxValue value = result.get(OnnxBertWriter.LAST_HIDDEN_STATE).orElse(result.get(0));
                FloatBuffer buffer = ((OnnxTensor) value).getFloatBuffer();
                float[] out = new float[buffer.remaining()];
                buffer.get(out);
                return out;
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
