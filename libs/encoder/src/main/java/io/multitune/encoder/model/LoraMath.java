package io.multitune.encoder.model;

import io.multitune.encoder.weights.DenseWeights;
import io.multitune.encoder.weights.WeightTensor;

import java.util.SplittableRandom;

/** LoRA's two formulas that run outside the autograd graph: the initialisation of A and the merge. */
public final class LoraMath {

    private LoraMath() {
    }

    /**
     * Kaiming-uniform with a = √5, PEFT's (and nn.Linear's) default for A [rank, in]: bound = 1/√in.
     */
    public static WeightTensor kaimingUniform(SplittableRandom random, int rows, int in) {
        double bound = 1.0 / Math.sqrt(in);
        WeightTensor t = WeightTensor.zeros(rows, in);
        float[] v = t.values();
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((random.nextDouble() * 2.0 - 1.0) * bound);
        }
        return t;
    }

    /** W ← W + scaling · B A, with W [out, in], A [rank, in], B [out, rank]; the bias is unchanged. */
    public static DenseWeights merge(DenseWeights base, WeightTensor a, WeightTensor b, float scaling) {
        int out = base.out();
        int in = base.in();
        int rank = (int) a.dim(0);
        if (!a.hasShape(rank, in) || !b.hasShape(out, rank)) {
            throw new IllegalArgumentException("LoRA A " + a.shapeText() + " and B " + b.shapeText()
                    + " do not fit weight " + base.weight().shapeText());
        }
        float[] w = base.weight().values().clone();
        float[] av = a.values();
        float[] bv = b.values();
        for (int o = 0; o < out; o++) {
            for (int k = 0; k < rank; k++) {
                float coefficient = scaling * bv[o * rank + k];
                if (coefficient == 0f) {
                    continue;
                }
                int row = o * in;
                int aRow = k * in;
                for (int i = 0; i < in; i++) {
                    w[row + i] += coefficient * av[aRow + i];
                }
            }
        }
        return new DenseWeights(WeightTensor.of(w, out, in), base.bias());
    }
}
