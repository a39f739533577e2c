package io.multitune.encoder.model;

import io.multitune.encoder.weights.BertDense;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Which dense layers of every BERT layer get a LoRA branch. */
public enum LoraTarget {
    QUERY(EnumSet.of(BertDense.QUERY)),
    KEY(EnumSet.of(BertDense.KEY)),
    VALUE(EnumSet.of(BertDense.VALUE)),
    ATTENTION_OUTPUT(EnumSet.of(BertDense.ATTENTION_OUTPUT)),
    /** The feed-forward block: the intermediate and the output dense layers. */
    FFN(EnumSet.of(BertDense.INTERMEDIATE, BertDense.OUTPUT));

    private final Set<BertDense> dense;

    LoraTarget(Set<BertDense> dense) {
        this.dense = dense;
    }

    public Set<BertDense> dense() {
        return EnumSet.copyOf(dense);
    }

    /** Parses "query", "key", "value", "attention-output" (or "attention_output"), "ffn"; case-insensitive. */
    public static LoraTarget parse(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return valueOf(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown LoRA target '" + text
                    + "'; expected one of query, key, value, attention-output, ffn", e);
        }
    }

    /** The dense layers covered by a set of targets. */
    public static Set<BertDense> dense(Set<LoraTarget> targets) {
        Set<BertDense> all = EnumSet.noneOf(BertDense.class);
        for (LoraTarget t : targets) {
            all.addAll(t.dense);
        }
        return all;
    }
}
