package io.multitune.encoder.weights;

/**
 * A Houlsby bottleneck adapter, h ← h + W_up f(W_down h + b_down) + b_up, with f the erf GELU.
 *
 * @param down [bottleneck, hidden]
 * @param up   [hidden, bottleneck]
 */
public record BottleneckWeights(DenseWeights down, DenseWeights up) {

    public BottleneckWeights {
        if (down.out() != up.in() || down.in() != up.out()) {
            throw new IllegalArgumentException("adapter down " + down.weight().shapeText()
                    + " and up " + up.weight().shapeText() + " do not fit");
        }
    }

    public int size() {
        return down.out();
    }

    public long parameterCount() {
        return down.parameterCount() + up.parameterCount();
    }

    public boolean sameAs(BottleneckWeights other) {
        return down.sameAs(other.down) && up.sameAs(other.up);
    }
}
