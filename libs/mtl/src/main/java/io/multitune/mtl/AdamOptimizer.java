package io.multitune.mtl;

import java.util.Map;

/**
 * Adam (Kingma and Ba 2015) over a small parameter vector owned by a strategy (uncertainty's s, FAMO's logits),
 * with PyTorch's defaults β₁ = 0.9, β₂ = 0.999, ε = 1e-8 and its L2-style weight decay (added to the gradient), so a
 * strategy behaves like the authors' code, which steps these parameters with torch.optim.Adam.
 */
final class AdamOptimizer {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double learningRate;
    private final double weightDecay;
    private double[] firstMoment;
    private double[] secondMoment;
    private long steps;

    AdamOptimizer(int size, double learningRate, double weightDecay) {
        this.learningRate = Checks.positive(learningRate, "learningRate");
        this.weightDecay = Checks.nonNegative(weightDecay, "weight decay");
        this.firstMoment = new double[size];
        this.secondMoment = new double[size];
    }

    /** One descent step on params (in place) along the given gradient. */
    void step(double[] params, double[] gradient) {
        steps++;
        double correction1 = 1 - Math.pow(BETA1, steps);
        double correction2 = 1 - Math.pow(BETA2, steps);
        for (int i = 0; i < params.length; i++) {
            double g = gradient[i] + weightDecay * params[i];
            firstMoment[i] = BETA1 * firstMoment[i] + (1 - BETA1) * g;
            secondMoment[i] = BETA2 * secondMoment[i] + (1 - BETA2) * g * g;
            double mHat = firstMoment[i] / correction1;
            double vHat = secondMoment[i] / correction2;
            params[i] -= learningRate * mHat / (Math.sqrt(vHat) + EPSILON);
        }
    }

    /** Adds the moments and step count to a strategy's state maps under the given key prefix. */
    void save(String prefix, Map<String, double[]> arrays, Map<String, Double> scalars) {
        arrays.put(prefix + "FirstMoment", firstMoment.clone());
        arrays.put(prefix + "SecondMoment", secondMoment.clone());
        scalars.put(prefix + "Steps", (double) steps);
    }

    void restore(String prefix, TaskWeighting.State state) {
        int size = firstMoment.length;
        firstMoment = States.array(state, prefix + "FirstMoment", size);
        secondMoment = States.array(state, prefix + "SecondMoment", size);
        steps = (long) States.scalar(state, prefix + "Steps");
    }
}
