package io.multitune.encoder.weights;

/**
 * BERT's input embeddings: word + absolute position + token type, then LayerNorm.
 *
 * @param word      [vocab, hidden]
 * @param position  [maxPositions, hidden]
 * @param tokenType [typeVocab, hidden]
 * @param layerNorm over hidden
 */
public record EmbeddingWeights(WeightTensor word, WeightTensor position, WeightTensor tokenType,
                               LayerNormWeights layerNorm) {

    public long parameterCount() {
        return (long) word.size() + position.size() + tokenType.size() + layerNorm.parameterCount();
    }

    public boolean sameAs(EmbeddingWeights other) {
        return word.sameAs(other.word) && position.sameAs(other.position) && tokenType.sameAs(other.tokenType)
                && layerNorm.sameAs(other.layerNorm);
    }
}
