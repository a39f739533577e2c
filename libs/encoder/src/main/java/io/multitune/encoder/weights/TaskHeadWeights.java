package io.multitune.encoder.weights;

import java.util.List;

/**
 * The weights of one task head on top of the encoder, engine-free, as the trainer exports them and the ONNX writer
 * appends them: a dense layer {@code [out, in]} (PyTorch layout, like every {@link DenseWeights}) applied to the
 * pooled sentence vector or to every token.
 *
 * @param taskId task id; also the name of the head's output in an exported ONNX model
 * @param kind   what the head reads and predicts
 * @param dense  the head's dense layer: out = number of labels (classification), 1 (regression), 2 (span start
 *               and end logits)
 * @param labels the output's labels in order (classification and tagging), empty otherwise
 */
public record TaskHeadWeights(String taskId, Kind kind, DenseWeights dense, List<String> labels) {

    public TaskHeadWeights {
        labels = List.copyOf(labels);
    }

    /** What a head reads and predicts. */
    public enum Kind {
        /**
         * Mean of the token vectors under the attention mask (the pooling all-MiniLM-L6-v2 was trained with), then
         * the dense layer: logits over labels, shape [batch, labels]. Single texts and text pairs alike.
         */
        SEQUENCE_CLASSIFICATION,
        /** Mean pooling as above, then the dense layer to one value: shape [batch, 1]. */
        REGRESSION,
        /** The dense layer on every token: logits over tags, shape [batch, tokens, labels]. */
        TOKEN_CLASSIFICATION,
        /** The dense layer on every token to start and end logits: shape [batch, tokens, 2]. */
        SPAN
    }
}
