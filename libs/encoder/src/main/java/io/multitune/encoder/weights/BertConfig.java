package io.multitune.encoder.weights;

/**
 * The sizes of a BERT encoder. Every value is inferred from the tensors (and, for the number of heads and the
 * LayerNorm epsilon, from the graph) when a model is read, never taken from a side file.
 *
 * @param layers         number of transformer layers
 * @param hidden         hidden size H
 * @param heads          attention heads; {@code hidden % heads == 0}
 * @param intermediate   feed-forward inner size
 * @param vocab          word-piece vocabulary size
 * @param maxPositions   learned absolute positions (the longest sequence the encoder accepts)
 * @param typeVocab      token-type (segment) vocabulary size, 2 for BERT
 * @param layerNormEps   epsilon of every LayerNorm (1e-12 for BERT)
 */
public record BertConfig(int layers, int hidden, int heads, int intermediate, int vocab, int maxPositions,
                         int typeVocab, float layerNormEps) {

    public BertConfig {
        positive("layers", layers);
        positive("hidden", hidden);
        positive("heads", heads);
        positive("intermediate", intermediate);
        positive("vocab", vocab);
        positive("maxPositions", maxPositions);
        positive("typeVocab", typeVocab);
        if (hidden % heads != 0) {
            throw new IllegalArgumentException("hidden size " + hidden + " is not a multiple of " + heads + " heads");
        }
        if (!(layerNormEps > 0f)) {
            throw new IllegalArgumentException("layerNormEps must be > 0, got " + layerNormEps);
        }
    }

    /** Size of one attention head. */
    public int headSize() {
        return hidden / heads;
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
    }
}
