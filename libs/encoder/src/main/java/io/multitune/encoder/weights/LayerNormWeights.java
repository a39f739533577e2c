package io.multitune.encoder.weights;

/**
 * LayerNorm scale and shift over the hidden dimension.
 *
 * @param gamma [hidden]
 * @param beta  [hidden]
 */
public record LayerNormWeights(WeightTensor gamma, WeightTensor beta) {

    public LayerNormWeights {
        if (gamma.rank() != 1 || !gamma.hasShape(beta.shape())) {
            throw new IllegalArgumentException(
                    "LayerNorm gamma " + gamma.shapeText() + " and beta " + beta.shapeText() + " do not fit");
        }
    }

    public static LayerNormWeights identity(int hidden) {
        return new LayerNormWeights(WeightTensor.filled(1f, hidden), WeightTensor.zeros(hidden));
    }

    public long parameterCount() {
        return (long) gamma.size() + beta.size();
    }

    public boolean sameAs(LayerNormWeights other) {
        return gamma.sameAs(other.gamma) && beta.sameAs(other.beta);
    }
}
