package io.multitune.encoder.weights;

import java.util.List;

/**
 * All weights of a BERT encoder (no pooler, no heads), engine-free. Dense weights are in PyTorch's [out, in] layout
 * (see {@link DenseWeights}).
 *
 * @param config     the sizes
 * @param embeddings the input embeddings
 * @param layers     {@code config.layers()} layers, first to last
 */
public record BertWeights(BertConfig config, EmbeddingWeights embeddings, List<BertLayerWeights> layers) {

    public BertWeights {
        layers = List.copyOf(layers);
        if (layers.size() != config.layers()) {
            throw new IllegalArgumentException(
                    "config says " + config.layers() + " layers, weights have " + layers.size());
        }
    }

    public BertLayerWeights layer(int index) {
        return layers.get(index);
    }

    public BertWeights withLayers(List<BertLayerWeights> replaced) {
        return new BertWeights(config, embeddings, replaced);
    }

    /** Number of float parameters, adapters included. */
    public long parameterCount() {
        long n = embeddings.parameterCount();
        for (BertLayerWeights layer : layers) {
            n += layer.parameterCount();
        }
        return n;
    }

    /** Exact equality of the config and every value. */
    public boolean sameAs(BertWeights other) {
        if (!config.equals(other.config) || !embeddings.sameAs(other.embeddings)) {
            return false;
        }
        for (int i = 0; i < layers.size(); i++) {
            if (!layers.get(i).sameAs(other.layers.get(i))) {
                return false;
            }
        }
        return true;
    }
}
