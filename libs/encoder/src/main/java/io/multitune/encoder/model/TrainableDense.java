package io.multitune.encoder.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import io.multitune.encoder.weights.DenseWeights;
import io.multitune.encoder.weights.WeightTensor;

import java.util.SplittableRandom;

/**
 * A dense layer y = x Wᵀ + b (W [out, in], computed by torch's fused linear, no transpose) with an optional LoRA
 * branch + (scaling · dropout(x) Aᵀ) Bᵀ.
 */
final class TrainableDense {

    private final Parameter weight;
    private final Parameter bias;
    private final Parameter loraA;
    private final Parameter loraB;
    private final float loraScaling;
    private final float loraDropout;

    private TrainableDense(Parameter weight, Parameter bias, Parameter loraA, Parameter loraB, float loraScaling,
                           float loraDropout) {
        this.weight = weight;
        this.bias = bias;
        this.loraA = loraA;
        this.loraB = loraB;
        this.loraScaling = loraScaling;
        this.loraDropout = loraDropout;
    }

    static TrainableDense plain(EncoderParameters params, String name, DenseWeights w, boolean trainable) {
        return new TrainableDense(params.create(name + ".weight", w.weight(), Parameter.Type.WEIGHT, trainable),
                params.create(name + ".bias", w.bias(), Parameter.Type.BIAS, trainable), null, null, 0f, 0f);
    }

    /** The frozen base layer with a trainable LoRA branch; B = 0, so it starts equal to the base layer. */
    static TrainableDense withLora(EncoderParameters params, String name, DenseWeights w, AdapterSpec.Lora lora,
                                   SplittableRandom random) {
        WeightTensor a = LoraMath.kaimingUniform(random, lora.rank(), w.in());
        WeightTensor b = WeightTensor.zeros(w.out(), lora.rank());
        return new TrainableDense(params.create(name + ".weight", w.weight(), Parameter.Type.WEIGHT, false),
                params.create(name + ".bias", w.bias(), Parameter.Type.BIAS, false),
                params.create(name + ".lora_A.weight", a, Parameter.Type.WEIGHT, true),
                params.create(name + ".lora_B.weight", b, Parameter.Type.WEIGHT, true),
                lora.scaling(), lora.dropout());
    }

    NDArray forward(NDArray x, boolean training) {
        NDArray y = Linear.linear(x, weight.getArray(), bias.getArray()).singletonOrThrow();
        if (loraA == null) {
            return y;
        }
        NDArray branchInput = Dropouts.dropout(x, loraDropout, training);
        NDArray down = Linear.linear(branchInput, loraA.getArray()).singletonOrThrow();
        // scaling · (down Bᵀ) = (scaling · down) Bᵀ: the scaling multiplies the [.., rank] tensor rather than the
        // [.., out] one (exactly equal when the scaling is a power of two, as alpha = 2·rank makes it). The scaling
        // as a tensor of the step's manager, not a Java number: see EncoderLayer#selfAttention.
        NDArray scaled = down.mul(down.getManager().create(loraScaling));
        return y.add(Linear.linear(scaled, loraB.getArray()).singletonOrThrow());
    }

    /** Current weights with LoRA merged in: W + scaling · B A. */
    DenseWeights export() {
        DenseWeights base = new DenseWeights(EncoderParameters.values(weight), EncoderParameters.values(bias));
        if (loraA == null) {
            return base;
        }
        return LoraMath.merge(base, EncoderParameters.values(loraA), EncoderParameters.values(loraB), loraScaling);
    }
}
