package io.multitune.encoder.model;

import java.util.Objects;

/**
 * How a {@link BertEncoder} is built for training.
 *
 * @param adapter          the fine-tuning method
 * @param hiddenDropout    dropout after the embeddings and each sub-layer's output dense (BERT: 0.1); training only
 * @param attentionDropout dropout on the attention probabilities (BERT: 0.1); training only. Its masks are the
 *                         largest of a step ([batch, heads, seq, seq]); see {@link Dropouts} for how they are drawn
 * @param seed             seed of the adapters' random initialisation (dropout masks are seeded from the engine's
 *                         generator)
 */
public record EncoderOptions(AdapterSpec adapter, float hiddenDropout, float attentionDropout, long seed) {

    public EncoderOptions {
        Objects.requireNonNull(adapter, "adapter");
        checkRate("hiddenDropout", hiddenDropout);
        checkRate("attentionDropout", attentionDropout);
    }

    /** BERT's dropout rates with the given method. */
    public static EncoderOptions of(AdapterSpec adapter) {
        return new EncoderOptions(adapter, 0.1f, 0.1f, 42L);
    }

    /** No dropout anywhere: deterministic training steps (tests, parity). */
    public static EncoderOptions withoutDropout(AdapterSpec adapter) {
        return new EncoderOptions(adapter, 0f, 0f, 42L);
    }

    private static void checkRate(String name, float rate) {
        if (!(rate >= 0f && rate < 1f)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + rate);
        }
    }
}
