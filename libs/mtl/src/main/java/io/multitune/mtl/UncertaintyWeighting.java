package io.multitune.mtl;

import java.util.HashMap;
import java.util.Map;

/**
 * Uncertainty weighting (Kendall, Gal and Cipolla, CVPR 2018). Each task has a learned s_i = log σ_i², initialised
 * to 0, and the objective is L = Σ_i (exp(−s_i) L_i + s_i), so c_i = exp(−s_i).
 * <p>
 * No ½ factors, for every task: the paper's regression form ½ exp(−s) L + ½ s is this objective halved (same
 * optimum of s, same direction), and its classification form exp(−s) L + ½ s weighs the regulariser differently;
 * one form for all tasks, as METHODS.md writes it, keeps the tasks comparable, and its optimum s_i* = log L_i
 * (weight 1/L_i) is easy to read off telemetry.
 * <p>
 * The library owns s and learns it itself: after forming this step's coefficients from the current s it takes one
 * Adam step on ∂L/∂s_i = −exp(−s_i) L_i + 1, with the run's learning rate unless configured otherwise — the same
 * thing a trainer does when s sits in its parameter list, updated in the same step as the model.
 */
public final class UncertaintyWeighting implements TaskWeighting {

    public static final String NAME = "uncertainty";

    private final double[] logVariances;
    private final AdamOptimizer optimizer;

    /** @param learningRate the Adam learning rate of s; the factory passes the trainer's learning rate */
    public UncertaintyWeighting(int tasks, double learningRate) {
        this.logVariances = new double[Checks.tasks(tasks)];
        this.optimizer = new AdamOptimizer(tasks, learningRate, 0);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int tasks() {
        return logVariances.length;
    }

    @Override
    public Step combine(StepInput input) {
        double[] losses = Checks.losses(input, tasks());
        double[] weights = new double[tasks()];
        double[] gradient = new double[tasks()];
        double combined = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Math.exp(-logVariances[i]);
            combined += weights[i] * losses[i] + logVariances[i];
            gradient[i] = -weights[i] * losses[i] + 1;
        }
        optimizer.step(logVariances, gradient);
        return new Step(weights.clone(), weights, combined);
    }

    /** The current s_i = log σ_i², a copy. */
    public double[] logVariances() {
        return logVariances.clone();
    }

    @Override
    public State state() {
        Map<String, double[]> arrays = new HashMap<>();
        Map<String, Double> scalars = new HashMap<>();
        arrays.put("logVariances", logVariances.clone());
        optimizer.save("adam", arrays, scalars);
        return new State(NAME, arrays, scalars);
    }

    @Override
    public void restore(State state) {
        States.requireStrategy(state, NAME);
        double[] restored = States.array(state, "logVariances", tasks());
        optimizer.restore("adam", state);
        System.arraycopy(restored, 0, logVariances, 0, restored.length);
    }
}
