package io.multitune.mtl;

import java.util.HashMap;
import java.util.Map;

/**
 * FAMO, fast adaptive multitask optimisation (Liu, Liu, Jin, Stone and Liu, NeurIPS 2023). Needs no per-task
 * gradients: task logits ξ (initialised to 0) give weights z = softmax(ξ), and the model descends
 * Σ_i z_i log L_i, i.e. the coefficients are c_i = z_i / (L_i Σ_j z_j / L_j) — a convex combination of the task
 * gradients, normalised as in the paper. After the optimiser step the logits learn from how much each log loss
 * fell: δ_i = log L_i(before) − log L_i(after), and ξ descends along J_z(ξ)ᵀ δ plus weight decay γ ξ, so a task
 * whose loss falls slowest gains weight.
 * <p>
 * Update timing: {@link #combine} remembers the step's losses and the trainer calls {@link #afterUpdate} with the
 * losses of the same batch under the updated parameters — one extra forward pass, as the authors' code does (it
 * re-evaluates the batch after the optimiser step). The losses of the next batch would save that pass but mix
 * batch-to-batch noise into δ, so that is not done here. A {@link #combine} without a following
 * {@link #afterUpdate} (a skipped optimiser step) leaves ξ unchanged.
 * <p>
 * The logit step is Adam (learning rate β, L2 weight decay γ): the paper's Algorithm 1 writes the plain step
 * ξ ← ξ − β(J_zᵀδ + γ ξ), its practical Algorithm 2 and the authors' code use Adam, and the defaults β = 0.025 and
 * γ = 0.001 are calibrated for Adam (δ is tiny per step, so the plain step with the same β would barely move ξ).
 * Losses must be non-negative; 1e-8 is added before the logarithm, as the authors do (their lower bounds ℓ*_i are
 * 0 here).
 */
public final class Famo implements TaskWeighting {

    public static final String NAME = "famo";
    public static final double DEFAULT_LEARNING_RATE = 0.025;
    public static final double DEFAULT_GAMMA = 0.001;
    static final double LOSS_FLOOR = 1e-8;

    private final double[] logits;
    private final AdamOptimizer optimizer;
    private double[] lossesBeforeUpdate;

    public Famo(int tasks, double learningRate, double gamma) {
        this.logits = new double[Checks.tasks(tasks)];
        this.optimizer = new AdamOptimizer(tasks, learningRate, gamma);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int tasks() {
        return logits.length;
    }

    @Override
    public boolean needsLossesAfterUpdate() {
        return true;
    }

    @Override
    public Step combine(StepInput input) {
        double[] losses = Checks.nonNegative(Checks.losses(input, tasks()), "losses");
        double[] weights = Vectors.softmax(logits);
        double normaliser = 0; // Σ_j z_j / L_j
        double weightedLogLoss = 0;
        for (int i = 0; i < weights.length; i++) {
            normaliser += weights[i] / (losses[i] + LOSS_FLOOR);
            weightedLogLoss += weights[i] * Math.log(losses[i] + LOSS_FLOOR);
        }
        double[] coefficients = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            coefficients[i] = weights[i] / ((losses[i] + LOSS_FLOOR) * normaliser);
        }
        lossesBeforeUpdate = losses.clone();
        // The authors' scalar: its gradient with z and the normaliser held fixed is Σ c_i g_i.
        return new Step(coefficients, weights, weightedLogLoss / normaliser);
    }

    @Override
    public void afterUpdate(double[] lossesAfterUpdate) {
        double[] after = Checks.nonNegative(Checks.length(lossesAfterUpdate, tasks(), "lossesAfterUpdate"),
                "lossesAfterUpdate");
        if (lossesBeforeUpdate == null) {
            throw new IllegalStateException("afterUpdate must follow a combine of the same step");
        }
        double[] weights = Vectors.softmax(logits);
        double[] logDecrease = new double[weights.length]; // δ
        for (int i = 0; i < weights.length; i++) {
            logDecrease[i] = Math.log(lossesBeforeUpdate[i] + LOSS_FLOOR) - Math.log(after[i] + LOSS_FLOOR);
        }
        // J_z(ξ)ᵀ δ for z = softmax(ξ): entry j is z_j (δ_j − Σ_i z_i δ_i).
        double weightedDecrease = Vectors.dot(weights, logDecrease);
        double[] gradient = new double[weights.length];
        for (int j = 0; j < weights.length; j++) {
            gradient[j] = weights[j] * (logDecrease[j] - weightedDecrease);
        }
        optimizer.step(logits, gradient);
        lossesBeforeUpdate = null;
    }

    /** The current task weights z = softmax(ξ), a copy. */
    public double[] weights() {
        return Vectors.softmax(logits);
    }

    @Override
    public State state() {
        Map<String, double[]> arrays = new HashMap<>();
        Map<String, Double> scalars = new HashMap<>();
        arrays.put("logits", logits.clone());
        if (lossesBeforeUpdate != null) {
            arrays.put("lossesBeforeUpdate", lossesBeforeUpdate.clone());
        }
        optimizer.save("adam", arrays, scalars);
        return new State(NAME, arrays, scalars);
    }

    @Override
    public void restore(State state) {
        States.requireStrategy(state, NAME);
        double[] restored = States.array(state, "logits", tasks());
        double[] pending = States.optionalArray(state, "lossesBeforeUpdate", tasks());
        optimizer.restore("adam", state);
        System.arraycopy(restored, 0, logits, 0, restored.length);
        lossesBeforeUpdate = pending;
    }
}
