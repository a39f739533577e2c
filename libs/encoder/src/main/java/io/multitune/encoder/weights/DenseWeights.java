package io.multitune.encoder.weights;

/**
 * A dense (linear) layer, y = x Wᵀ + b, in PyTorch's {@code nn.Linear} layout: {@code weight} is [out, in]. That is
 * the layout {@code torch.nn.functional.linear} takes without a copy and the one the LoRA formulas are written in;
 * ONNX exports store the transpose ([in, out]) for their MatMul, so the reader and writer transpose once.
 *
 * @param weight [out, in]
 * @param bias   [out]
 */
public record DenseWeights(WeightTensor weight, WeightTensor bias) {

    public DenseWeights {
        if (weight.rank() != 2 || bias.rank() != 1 || bias.dim(0) != weight.dim(0)) {
            throw new IllegalArgumentException(
                    "dense weight " + weight.shapeText() + " and bias " + bias.shapeText() + " do not fit");
        }
    }

    public int in() {
        return (int) weight.dim(1);
    }

    public int out() {
        return (int) weight.dim(0);
    }

    public long parameterCount() {
        return (long) weight.size() + bias.size();
    }

    public boolean sameAs(DenseWeights other) {
        return weight.sameAs(other.weight) && bias.sameAs(other.bias);
    }
}
