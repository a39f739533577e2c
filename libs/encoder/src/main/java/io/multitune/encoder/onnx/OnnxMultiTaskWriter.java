package io.multitune.encoder.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import io.multitune.encoder.weights.BertWeights;
import io.multitune.encoder.weights.TaskHeadWeights;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a trained multi-task model as one ONNX file: the encoder ({@link OnnxBertWriter#encoder}: LoRA merged by the
 * caller, bottleneck adapters as nodes), then one output per task head, named after its task id
 * ({@link OnnxNames}), plus {@value OnnxBertWriter#LAST_HIDDEN_STATE} for audits. Which output is which task, and
 * its labels, go into {@code metadata_props} ({@link MultiTaskMetadata}); {@link OrtMultiTaskRunner} serves the file.
 *
 * <p>Outputs, float32: last_hidden_state [batch_size, sequence_length, hidden]; a sequence classification or
 * regression head [batch_size, labels or 1] on masked mean pooling; a token classification or span head
 * [batch_size, sequence_length, labels or 2]. Inputs as {@link OnnxBertWriter}.
 */
public final class OnnxMultiTaskWriter {

    private OnnxMultiTaskWriter() {
    }

    /**
     * The model.
     *
     * @throws IllegalArgumentException when two heads share a task id or a head does not fit the encoder or its kind
     */
    public static ModelProto toModel(BertWeights weights, List<TaskHeadWeights> heads) {
        OnnxGraphBuilder g = new OnnxGraphBuilder("multitune_multitask");
        String hidden = OnnxBertWriter.encoder(g, weights);
        int size = weights.config().hidden();
        g.output(hidden, TensorProto.DataType.FLOAT, OnnxBertWriter.BATCH, OnnxBertWriter.SEQUENCE, size);

        // Names are chosen once the encoder exists, so that no head can take the name of an encoder value.
        Map<String, String> outputs = OnnxNames.outputNames(heads.stream().map(TaskHeadWeights::taskId).toList(),
                g::defines);
        List<ExportedHead> exported = new ArrayList<>();
        String pooled = null;
        for (TaskHeadWeights head : heads) {
            ExportedHead e = OnnxTaskHeads.describe(head, outputs.get(head.taskId()), size);
            String input = hidden;
            if (e.pooled()) {
                if (pooled == null) {
                    pooled = OnnxTaskHeads.meanPooling(g, hidden, OnnxBertWriter.ATTENTION_MASK);
                }
                input = pooled;
            }
            String output = OnnxTaskHeads.head(g, input, e.output(), head);
            if (e.pooled()) {
                g.output(output, TensorProto.DataType.FLOAT, OnnxBertWriter.BATCH, e.size());
            } else {
                g.output(output, TensorProto.DataType.FLOAT, OnnxBertWriter.BATCH, OnnxBertWriter.SEQUENCE, e.size());
            }
            exported.add(e);
        }
        return g.build(OnnxBertWriter.OPSET, "multitune").toBuilder()
                .addMetadataProps(MultiTaskMetadata.entry(exported))
                .build();
    }

    /** The model's bytes (a MiniLM-sized model is ~90 MB: prefer {@link #write(BertWeights, List, Path)}). */
    public static byte[] write(BertWeights weights, List<TaskHeadWeights> heads) {
        return toModel(weights, heads).toByteArray();
    }

    /** Streams the model to {@code file}, without a second in-memory copy of its bytes. */
    public static void write(BertWeights weights, List<TaskHeadWeights> heads, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            toModel(weights, heads).writeTo(out);
        }
    }
}
