package io.multitune.encoder.weights;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One post-LayerNorm BERT layer:
 * <pre>
 *   a = LN_att(x + A_att(Dense_ao(SelfAttention(x))))
 *   y = LN_out(a + A_out(Dense_out(GELU(Dense_int(a)))))
 * </pre>
 * where A_att and A_out are the optional bottleneck adapters (identity when absent).
 *
 * @param dense              the six dense layers
 * @param attentionLayerNorm LayerNorm after the attention block
 * @param outputLayerNorm    LayerNorm after the feed-forward block
 * @param attentionAdapter   bottleneck adapter after the attention output dense, or null
 * @param outputAdapter      bottleneck adapter after the feed-forward output dense, or null
 */
public record BertLayerWeights(Map<BertDense, DenseWeights> dense, LayerNormWeights attentionLayerNorm,
                               LayerNormWeights outputLayerNorm, BottleneckWeights attentionAdapter,
                               BottleneckWeights outputAdapter) {

    public BertLayerWeights {
        EnumMap<BertDense, DenseWeights> copy = new EnumMap<>(BertDense.class);
        copy.putAll(dense);
        for (BertDense d : BertDense.values()) {
            Objects.requireNonNull(copy.get(d), () -> "missing dense layer " + d);
        }
        dense = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(attentionLayerNorm, "attentionLayerNorm");
        Objects.requireNonNull(outputLayerNorm, "outputLayerNorm");
        if ((attentionAdapter == null) != (outputAdapter == null)) {
            throw new IllegalArgumentException("bottleneck adapters come in pairs (after attention and after FFN)");
        }
    }

    public DenseWeights dense(BertDense which) {
        return dense.get(which);
    }

    public boolean hasAdapters() {
        return attentionAdapter != null;
    }

    /** The same layer with other dense weights (e.g. LoRA merged) and the same LayerNorms and adapters. */
    public BertLayerWeights withDense(Map<BertDense, DenseWeights> replaced) {
        EnumMap<BertDense, DenseWeights> merged = new EnumMap<>(dense);
        merged.putAll(replaced);
        return new BertLayerWeights(merged, attentionLayerNorm, outputLayerNorm, attentionAdapter, outputAdapter);
    }

    public BertLayerWeights withAdapters(BottleneckWeights attention, BottleneckWeights output) {
        return new BertLayerWeights(dense, attentionLayerNorm, outputLayerNorm, attention, output);
    }

    public long parameterCount() {
        long n = attentionLayerNorm.parameterCount() + outputLayerNorm.parameterCount();
        for (DenseWeights d : dense.values()) {
            n += d.parameterCount();
        }
        if (hasAdapters()) {
            n += attentionAdapter.parameterCount() + outputAdapter.parameterCount();
        }
        return n;
    }

    public boolean sameAs(BertLayerWeights other) {
        for (BertDense d : BertDense.values()) {
            if (!dense(d).sameAs(other.dense(d))) {
                return false;
            }
        }
        return attentionLayerNorm.sameAs(other.attentionLayerNorm) && outputLayerNorm.sameAs(other.outputLayerNorm)
                && hasAdapters() == other.hasAdapters()
                && (!hasAdapters() || attentionAdapter.sameAs(other.attentionAdapter)
                        && outputAdapter.sameAs(other.outputAdapter));
    }
}
