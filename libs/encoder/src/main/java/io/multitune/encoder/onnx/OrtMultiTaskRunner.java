package io.multitune.encoder.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.multitune.encoder.tokens.EncodedBatch;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Serves a model written by {@link OnnxMultiTaskWriter}: one ONNX Runtime session, opened once and reused for every
 * batch; the heads (task → output, kind, labels) are read from the file's metadata. Thread-safe: ONNX Runtime
 * sessions accept concurrent runs, and this class holds no other mutable state.
 *
 * <pre>{@code
 * try (OrtMultiTaskRunner runner = OrtMultiTaskRunner.open(file, OrtRunnerOptions.defaults().withIntraOpThreads(2))) {
 *     Map<String, HeadOutput> out = runner.run(tokenization.encode(texts));
 *     String sentiment = out.get("sentiment").label(0);
 * }
 * }</pre>
 */
public final class OrtMultiTaskRunner implements AutoCloseable {

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final String provider;
    private final Map<String, ExportedHead> heads = new LinkedHashMap<>();

    private OrtMultiTaskRunner(OrtEnvironment environment, OrtSessions.Opened opened) throws OrtException {
        this.environment = environment;
        this.session = opened.session();
        this.provider = opened.provider();
        Set<String> outputs = session.getOutputNames();
        for (ExportedHead head : MultiTaskMetadata.fromCustomMetadata(session.getMetadata().getCustomMetadata())) {
            if (!outputs.contains(head.output())) {
                throw new IllegalArgumentException("the metadata names output " + head.output() + " for task "
                        + head.taskId() + ", the graph has none");
            }
            heads.put(head.taskId(), head);
        }
    }

    /** Opens a model held in memory (e.g. just written by {@link OnnxMultiTaskWriter}). */
    public static OrtMultiTaskRunner open(byte[] onnx, OrtRunnerOptions options) throws OrtException {
        return open((env, o) -> env.createSession(onnx, o), options);
    }

    /** Opens a model file; ONNX Runtime reads it directly, no copy passes through the Java heap. */
    public static OrtMultiTaskRunner open(Path file, OrtRunnerOptions options) throws OrtException {
        return open((env, o) -> env.createSession(file.toString(), o), options);
    }

    public static OrtMultiTaskRunner open(byte[] onnx) throws OrtException {
        return open(onnx, OrtRunnerOptions.defaults());
    }

    private static OrtMultiTaskRunner open(OrtSessions.Source source, OrtRunnerOptions options) throws OrtException {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSessions.Opened opened = OrtSessions.open(environment, source, options);
        try {
            return new OrtMultiTaskRunner(environment, opened);
        } catch (OrtException | RuntimeException e) {
            opened.session().close();
            throw e;
        }
    }

    /** The heads in export order. */
    public List<ExportedHead> heads() {
        return List.copyOf(heads.values());
    }

    /** The head of a task. */
    public ExportedHead head(String taskId) {
        ExportedHead head = heads.get(taskId);
        if (head == null) {
            throw new IllegalArgumentException("no head for task " + taskId + "; the model has " + heads.keySet());
        }
        return head;
    }

    /** "CUDA" or "CPU". */
    public String executionProvider() {
        return provider;
    }

    /** Every head's output, by task id in export order. */
    public Map<String, HeadOutput> run(EncodedBatch batch) throws OrtException {
        return run(batch, heads.keySet());
    }

    /**
     * The outputs of the named tasks only, by task id in the order asked: ONNX Runtime then copies out only those
     * to the Java heap (last_hidden_state, [batch, tokens, hidden], by far the largest output, is not copied).
     */
    public Map<String, HeadOutput> run(EncodedBatch batch, Collection<String> taskIds) throws OrtException {
        List<ExportedHead> wanted = taskIds.stream().distinct().map(this::head).toList();
        Map<String, HeadOutput> outputs = new LinkedHashMap<>();
        if (wanted.isEmpty()) {
            return outputs;
        }
        Set<String> names = new LinkedHashSet<>();
        wanted.forEach(h -> names.add(h.output()));
        return run(batch, names, result -> {
            for (ExportedHead head : wanted) {
                OnnxTensor tensor = (OnnxTensor) result.get(head.output()).orElseThrow();
                outputs.put(head.taskId(), new HeadOutput(head, tensor.getInfo().getShape(), floats(tensor)));
            }
            return outputs;
        });
    }

    /** The encoder's last_hidden_state, flat [batch, tokens, hidden], for audits and parity checks. */
    public float[] lastHiddenState(EncodedBatch batch) throws OrtException {
        return run(batch, Set.of(OnnxBertWriter.LAST_HIDDEN_STATE), result -> floats((OnnxTensor) result.get(0)));
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }

    private static float[] floats(OnnxTensor tensor) {
        // getFloatBuffer() already copies out of native memory into a heap buffer: take its array, no second copy.
        FloatBuffer buffer = tensor.getFloatBuffer();
        if (buffer.hasArray() && buffer.arrayOffset() == 0 && buffer.remaining() == buffer.array().length) {
            return buffer.array();
        }
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        return values;
    }

    /** What to take from a run's result, while its tensors are still open. */
    @FunctionalInterface
    private interface ResultReader<T> {
        T read(OrtSession.Result result) throws OrtException;
    }

    /** Runs the batch for {@code outputs}; every input tensor and the result are closed before this returns. */
    private <T> T run(EncodedBatch batch, Set<String> outputs, ResultReader<T> reader) throws OrtException {
        long[] shape = {batch.size(), batch.length()};
        try (OnnxTensor ids = OnnxTensor.createTensor(environment, LongBuffer.wrap(batch.inputIds()), shape);
             OnnxTensor mask = OnnxTensor.createTensor(environment, LongBuffer.wrap(batch.attentionMask()), shape);
             OnnxTensor types = OnnxTensor.createTensor(environment, LongBuffer.wrap(batch.tokenTypeIds()), shape);
             OrtSession.Result result = session.run(Map.of(OnnxBertWriter.INPUT_IDS, ids,
                     OnnxBertWriter.ATTENTION_MASK, mask, OnnxBertWriter.TOKEN_TYPE_IDS, types), outputs)) {
            return reader.read(result);
        }
    }
}
