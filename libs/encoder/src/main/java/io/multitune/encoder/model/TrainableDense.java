package io.multitune.encoder.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import io.multitune.encoder.weights.DenseWeights;
import io.multitune.encoder.weights.WeightTensor;

import java.util.SplittableRandom;

/**
 * A dense layer y = x Wᵀ + b (W [out, in], computed by torch's fused linear, no transpose) with an optional LoRA
 * branch + (scaling · dropout(x) Aᵀ) Bᵀ.
 *
 * <p>A frozen layer may also carry a constant output scale s (the attention's 1/√d on the query): s·y is then
 * computed with s·W and s·b as the engine's weights and s·scaling as the LoRA branch's scaling, the same function
 * and the same gradients for A and B, without a multiply over the [tokens, out] output and its backward. Only a
 * frozen base folds: a trainable W would take optimizer steps in s·W's units. {@link #export()} gives the weights
 * the layer was built from, unscaled, so an exported model never carries the fold's rounding.
 */
final class TrainableDense {

    private final Parameter weight;
    private final Parameter bias;
    private final Parameter loraA;
    private final Parameter loraB;
    private final float loraScaling;
    private final float loraDropout;
    /** The weights before the output scale was folded in; null when nothing was folded. */
    private final DenseWeights unscaledBase;
    /** The run request's LoRA scaling, which {@link #export()} merges with (loraScaling may carry a folded scale). */
    private final float mergeScaling;

    private TrainableDense(Parameter weight, Parameter bias, Parameter loraA, Parameter loraB, float loraScaling,
                           float loraDropout, DenseWeights unscaledBase, float mergeScaling) {
        this.weight = weight;
        this.bias = bias;
        this.loraA = loraA;
        this.loraB = loraB;
        this.loraScaling = loraScaling;
        this.loraDropout = loraDropout;
        this.unscaledBase = unscaledBase;
        this.mergeScaling = mergeScaling;
    }

    static TrainableDense plain(EncoderParameters params, String name, DenseWeights w, boolean trainable) {
        return new TrainableDense(params.create(name + ".weight", w.weight(), Parameter.Type.WEIGHT, trainable),
                params.create(name + ".bias", w.bias(), Parameter.Type.BIAS, trainable), null, null, 0f, 0f,
                null, 0f);
    }

    /** A frozen layer computing outputScale · (x Wᵀ + b), the scale folded into its weights. */
    static TrainableDense frozenScaled(EncoderParameters params, String name, DenseWeights w, float outputScale) {
        Parameter[] base = frozen(params, name, scaled(w, outputScale));
        return new TrainableDense(base[0], base[1], null, null, 0f, 0f, w, 0f);
    }

    /** The frozen base layer with a trainable LoRA branch; B = 0, so it starts equal to the base layer. */
    static TrainableDense withLora(EncoderParameters params, String name, DenseWeights w, AdapterSpec.Lora lora,
                                   SplittableRandom random) {
        return withLora(params, name, w, lora, random, 1f);
    }

    /**
     * As {@link #withLora(EncoderParameters, String, DenseWeights, AdapterSpec.Lora, SplittableRandom)}, the whole
     * output (base and branch) multiplied by outputScale, folded into the frozen weights and the branch's scaling.
     */
    static TrainableDense withLora(EncoderParameters params, String name, DenseWeights w, AdapterSpec.Lora lora,
                                   SplittableRandom random, float outputScale) {
        WeightTensor a = LoraMath.kaimingUniform(random, lora.rank(), w.in());
        WeightTensor b = WeightTensor.zeros(w.out(), lora.rank());
        Parameter[] base = frozen(params, name, outputScale == 1f ? w : scaled(w, outputScale));
        return new TrainableDense(base[0], base[1],
                params.create(name + ".lora_A.weight", a, Parameter.Type.WEIGHT, true),
                params.create(name + ".lora_B.weight", b, Parameter.Type.WEIGHT, true),
                outputScale * lora.scaling(), lora.dropout(), outputScale == 1f ? null : w, lora.scaling());
    }

    /** The frozen weight and bias parameters of {@code name}. */
    private static Parameter[] frozen(EncoderParameters params, String name, DenseWeights w) {
        return new Parameter[] {params.create(name + ".weight", w.weight(), Parameter.Type.WEIGHT, false),
            params.create(name + ".bias", w.bias(), Parameter.Type.BIAS, false)};
    }

    private static DenseWeights scaled(DenseWeights w, float s) {
        return new DenseWeights(scaled(w.weight(), s), scaled(w.bias(), s));
    }

    private static WeightTensor scaled(WeightTensor t, float s) {
        float[] v = t.values().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] *= s;
        }
        return new WeightTensor(t.shape().clone(), v);
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
        return y.add(scaled.matMul(contiguousTranspose(loraB.getArray(), scaled.getManager())));
    }

    /**
     * Bᵀ [rank, out] as a contiguous copy (flattening a transposed view cannot be a view, so it copies), owned by
     * {@code step}: results of operations on a parameter belong to the parameter's manager, which lives as long as
     * the model. Given a contiguous second operand, the product's backward computes B's gradient as downᵀ · grad,
     * [rank, tokens] × [tokens, out]; given the transposed view that {@code linear} passes, it keeps the view's layout
     * and computes gradᵀ · down, [out, tokens] × [tokens, rank], which MKL ran 4-5× slower (~2 ms against ~0.45 for
     * 2048 tokens × 384 × 8). The copy is rank × out elements.
     */
    private static NDArray contiguousTranspose(NDArray b, NDManager step) {
        long rank = b.getShape().get(1);
        long out = b.getShape().get(0);
        NDArray view = b.transpose();
        view.attach(step);
        NDArray flat = view.reshape(-1);
        flat.attach(step);
        NDArray transposed = flat.reshape(rank, out);
        transposed.attach(step);
        return transposed;
    }

    /** Current weights with LoRA merged in: W + scaling · B A. */
    DenseWeights export() {
        DenseWeights base = unscaledBase != null ? unscaledBase
                : new DenseWeights(EncoderParameters.values(weight), EncoderParameters.values(bias));
        if (loraA == null) {
            return base;
        }
        return LoraMath.merge(base, EncoderParameters.values(loraA), EncoderParameters.values(loraB), mergeScaling);
    }
}
