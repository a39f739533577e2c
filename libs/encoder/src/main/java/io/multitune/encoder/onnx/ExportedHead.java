package io.multitune.encoder.onnx;

import io.multitune.encoder.weights.TaskHeadWeights;

import java.util.List;

/**
 * One task head of an exported multi-task model, as its metadata describes it: which graph output holds which
 * task, and what the output's last axis means.
 *
 * @param taskId the task id as the trainer named it (any string)
 * @param output the graph output's name (a valid ONNX name derived from the task id, see {@link OnnxNames})
 * @param kind   what the head reads and predicts; fixes the output's rank: [batch, size] for
 *               {@link TaskHeadWeights.Kind#SEQUENCE_CLASSIFICATION} and {@link TaskHeadWeights.Kind#REGRESSION},
 *               [batch, tokens, size] for {@link TaskHeadWeights.Kind#TOKEN_CLASSIFICATION} and
 *               {@link TaskHeadWeights.Kind#SPAN}
 * @param size   the output's last dimension (labels, 1 for regression, 2 for span start/end)
 * @param labels the labels of the last axis in order; empty where the head has none
 */
public record ExportedHead(String taskId, String output, TaskHeadWeights.Kind kind, int size, List<String> labels) {

    public ExportedHead {
        labels = List.copyOf(labels);
        if (!labels.isEmpty() && labels.size() != size) {
            throw new IllegalArgumentException("head " + taskId + ": " + labels.size() + " labels for " + size
                    + " outputs");
        }
    }

    /** Whether the output has one row per sequence (mean-pooled heads) rather than one per token. */
    public boolean pooled() {
        return pooled(kind);
    }

    public static boolean pooled(TaskHeadWeights.Kind kind) {
        return kind == TaskHeadWeights.Kind.SEQUENCE_CLASSIFICATION || kind == TaskHeadWeights.Kind.REGRESSION;
    }

    /** The output's shape for a batch of {@code batch} sequences of {@code tokens} tokens. */
    public long[] shape(int batch, int tokens) {
        return pooled() ? new long[] {batch, size} : new long[] {batch, tokens, size};
    }
}
