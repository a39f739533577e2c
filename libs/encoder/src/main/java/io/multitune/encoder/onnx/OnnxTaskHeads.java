package io.multitune.encoder.onnx;

import static io.multitune.encoder.onnx.OnnxGraphBuilder.integer;
import static io.multitune.encoder.onnx.OnnxGraphBuilder.ints;

import ai.onnx.proto.OnnxMl.TensorProto;
import io.multitune.encoder.weights.TaskHeadWeights;

import java.util.List;

/**
 * Task heads as opset-11 ONNX nodes on top of the encoder's last_hidden_state: masked mean pooling (shared by every
 * pooled head) and each head's dense layer, written by {@link OnnxBertBlocks#dense} like every other dense layer.
 * The pure-Java twin is {@link io.multitune.encoder.weights.TaskHeadReference}.
 */
public final class OnnxTaskHeads {

    /** sentence-transformers' clamp on the token count, so that an all-padding row pools to 0 instead of NaN. */
    public static final float MIN_TOKEN_COUNT = 1e-9f;

    private OnnxTaskHeads() {
    }

    /**
     * sum(h · mask) / max(sum(mask), 1e-9) over the tokens: [batch, seq, hidden] → [batch, hidden], as
     * sentence-transformers pools all-MiniLM-L6-v2 (padding contributes nothing, whatever its hidden states are).
     */
    public static String meanPooling(OnnxGraphBuilder g, String hidden, String attentionMask) {
        String path = "/heads/pooling";
        String mask = g.node("Cast", path + "/Cast", List.of(attentionMask),
                integer("to", TensorProto.DataType.FLOAT_VALUE));
        String mask3 = g.node("Unsqueeze", path + "/Unsqueeze", List.of(mask), ints("axes", 2));
        String masked = g.node("Mul", path + "/Mul", List.of(hidden, mask3));
        // Opset 11 takes ReduceSum's axes as an attribute (opset 13 moved them to an input).
        String sum = g.node("ReduceSum", path + "/ReduceSum", List.of(masked), ints("axes", 1),
                integer("keepdims", 0));
        String count = g.node("ReduceSum", path + "/ReduceSum_1", List.of(mask3), ints("axes", 1),
                integer("keepdims", 0));
        String clamped = g.node("Max", path + "/Max", List.of(count, g.scalar(MIN_TOKEN_COUNT)));
        return g.node("Div", path + "/Div", List.of(sum, clamped));
    }

    /**
     * The head's dense layer on {@code input} (the pooled [batch, hidden] vector or the tokens' [batch, seq, hidden]
     * states), its result named {@code output}. Weights are named {@code heads.<output>.weight.T} and
     * {@code heads.<output>.bias}: distinct from the encoder's, and from each other as outputs are distinct.
     */
    public static String head(OnnxGraphBuilder g, String input, String output, TaskHeadWeights head) {
        String logits = OnnxBertBlocks.dense(g, input, "/heads/" + output, "heads." + output, head.dense());
        return g.node("Identity", output, List.of(logits));
    }

    /**
     * Checks a head against the encoder and its kind, and describes it under {@code output}.
     *
     * @throws IllegalArgumentException naming the task when its sizes or labels do not fit
     */
    public static ExportedHead describe(TaskHeadWeights head, String output, int hidden) {
        String task = "head " + head.taskId() + " (" + head.kind() + ")";
        int out = head.dense().out();
        if (head.dense().in() != hidden) {
            throw new IllegalArgumentException(task + " reads " + head.dense().in() + " features, the encoder gives "
                    + hidden);
        }
        int expected = switch (head.kind()) {
            case REGRESSION -> 1;
            case SPAN -> 2;
            case SEQUENCE_CLASSIFICATION, TOKEN_CLASSIFICATION -> head.labels().size();
        };
        if (out != expected) {
            throw new IllegalArgumentException(task + " has " + out + " outputs, expected " + expected
                    + (expected == head.labels().size() ? " (one per label)" : ""));
        }
        return new ExportedHead(head.taskId(), output, head.kind(), out, head.labels());
    }
}
