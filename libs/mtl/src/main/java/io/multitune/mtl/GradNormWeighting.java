package io.multitune.mtl;

import java.util.HashMap;
import java.util.Map;

/**
 * GradNorm (Chen, Badrinarayanan, Lee and Rabinovich, ICML 2018). Learned weights w_i, initialised to 1, balance
 * the gradient norms on one chosen shared layer W: G_i = w_i ‖∇_W L_i‖, Ḡ = mean G_i, L̃_i = L_i(t)/L_i(0),
 * r_i = L̃_i / mean_j L̃_j, and L_grad = Σ_i |G_i − Ḡ r_i^α| with the targets Ḡ r_i^α held constant. Because
 * G_i is linear in w_i, ∂L_grad/∂w_i = sign(G_i − target_i) ‖∇_W L_i‖: the trainer needs only the per-task norms
 * on W (no second-order gradients). Each step uses the current w (c_i = w_i), then takes a plain gradient step on w
 * with the weight learning rate, clamps it positive and renormalises to Σ w_i = T, as the paper does.
 * L_i(0) is the loss of the first step; a task whose first loss is not positive keeps L̃_i = 1.
 */
public final class GradNormWeighting implements TaskWeighting {

    public static final String NAME = "gradnorm";
    public static final double DEFAULT_ALPHA = 1.5;
    public static final double DEFAULT_LEARNING_RATE = 0.025;
    /** Weights are clamped to at least this before renormalising: a zero weight could never recover. */
    static final double MIN_WEIGHT = 1e-6;

    private final int tasks;
    private final double alpha;
    private final double learningRate;
    private final double[] weights;
    private double[] initialLosses;

    public GradNormWeighting(int tasks, double alpha, double learningRate) {
        this.tasks = Checks.tasks(tasks);
        this.alpha = Checks.nonNegative(alpha, "alpha");
        this.learningRate = Checks.positive(learningRate, "learningRate");
        this.weights = Vectors.filled(tasks, 1);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int tasks() {
        return tasks;
    }

    @Override
    public boolean needsSharedLayerNorms() {
        return true;
    }

    @Override
    public Step combine(StepInput input) {
        double[] losses = Checks.losses(input, tasks);
        if (input.sharedLayerGradNorms() == null) {
            throw new IllegalArgumentException("gradnorm needs the per-task gradient norms on the shared layer");
        }
        double[] norms = Checks.length(input.sharedLayerGradNorms(), tasks, "sharedLayerGradNorms");
        if (initialLosses == null) {
            initialLosses = losses.clone();
        }
        Step step = new Step(weights.clone(), weights.clone(), Vectors.dot(weights, losses));
        updateWeights(losses, norms);
        return step;
    }

    private void updateWeights(double[] losses, double[] norms) {
        double[] inverseRates = new double[tasks]; // L̃_i
        double[] gradNorms = new double[tasks];    // G_i
        for (int i = 0; i < tasks; i++) {
            inverseRates[i] = initialLosses[i] > 0 ? losses[i] / initialLosses[i] : 1;
            gradNorms[i] = weights[i] * norms[i];
        }
        double meanInverseRate = Vectors.sum(inverseRates) / tasks;
        double meanGradNorm = Vectors.sum(gradNorms) / tasks;
        for (int i = 0; i < tasks; i++) {
            double relativeRate = meanInverseRate > 0 ? inverseRates[i] / meanInverseRate : 1; // r_i
            double target = meanGradNorm * Math.pow(relativeRate, alpha);
            double gradient = Math.signum(gradNorms[i] - target) * norms[i];
            weights[i] = Math.max(weights[i] - learningRate * gradient, MIN_WEIGHT);
        }
        double renormalise = tasks / Vectors.sum(weights);
        for (int i = 0; i < tasks; i++) {
            weights[i] *= renormalise;
        }
    }

    /** The weights the next step will use, a copy. */
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public State state() {
        Map<String, double[]> arrays = new HashMap<>();
        arrays.put("weights", weights.clone());
        if (initialLosses != null) {
            arrays.put("initialLosses", initialLosses.clone());
        }
        return new State(NAME, arrays, Map.of());
    }

    @Override
    public void restore(State state) {
        States.requireStrategy(state, NAME);
        double[] restored = States.array(state, "weights", tasks);
        initialLosses = States.optionalArray(state, "initialLosses", tasks);
        System.arraycopy(restored, 0, weights, 0, tasks);
    }
}
