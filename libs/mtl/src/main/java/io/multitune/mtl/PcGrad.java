package io.multitune.mtl;

import java.util.SplittableRandom;

/**
 * PCGrad, gradient surgery (Yu, Kumar, Gupta, Levine, Hausman and Finn, NeurIPS 2020). For each task i, the other
 * tasks j are visited in a random order and, where the (already projected) g_i' conflicts with the original g_j
 * (g_i'·g_j &lt; 0), g_i' ← g_i' − (g_i'·g_j / ‖g_j‖²) g_j. The update is d = Σ_i g_i'.
 * <p>
 * Each g_i' is kept as a coefficient vector a_i over the original gradients (g_i' = Σ_k a_ik g_k, starting from
 * a_i = e_i); a projection on g_j only changes a_ij, and g_i'·g_j = (G a_i)_j, so the result is exact on the Gram
 * matrix. The coefficients of d are Σ_i a_i.
 * <p>
 * The visiting order is drawn afresh for each task i, as in the authors' code, from a generator seeded by the run
 * seed and the step number only: the same seed and step give the same order, also after a restore, so the
 * strategy has no learned state. A task with a zero gradient is never projected on.
 */
public final class PcGrad implements TaskWeighting {

    public static final String NAME = "pcgrad";

    private final int tasks;
    private final long seed;

    public PcGrad(int tasks, long seed) {
        this.tasks = Checks.tasks(tasks);
        this.seed = seed;
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
    public boolean needsGradients() {
        return true;
    }

    @Override
    public Step combine(StepInput input) {
        double[] losses = Checks.losses(input, tasks);
        double[][] gram = Checks.gram(input, tasks);
        double[][] projected = projectedGradients(gram, input.step());
        double[] coefficients = new double[tasks];
        for (double[] a : projected) {
            for (int k = 0; k < tasks; k++) {
                coefficients[k] += a[k];
            }
        }
        return new Step(coefficients, coefficients.clone(), Vectors.sum(losses));
    }

    /** Row i: the coefficients over the original gradients of the projected g_i'. */
    double[][] projectedGradients(double[][] gram, long step) {
        int[][] orders = visitingOrders(step);
        double[][] projected = new double[tasks][];
        for (int i = 0; i < tasks; i++) {
            double[] a = new double[tasks];
            a[i] = 1;
            for (int j : orders[i]) {
                double squaredNorm = gram[j][j];
                if (squaredNorm <= 0) {
                    continue;
                }
                double conflict = Vectors.dot(a, gram[j]); // g_i'·g_j = Σ_k a_k G_kj, G symmetric
                if (conflict < 0) {
                    a[j] -= conflict / squaredNorm;
                }
            }
            projected[i] = a;
        }
        return projected;
    }

    /** Row i: the order in which task i's gradient meets the other tasks' at this step. */
    int[][] visitingOrders(long step) {
        SplittableRandom random = new SplittableRandom(seedFor(step));
        int[][] orders = new int[tasks][];
        for (int i = 0; i < tasks; i++) {
            orders[i] = otherTasksShuffled(i, random);
        }
        return orders;
    }

    private int[] otherTasksShuffled(int task, SplittableRandom random) {
        int[] others = new int[tasks - 1];
        for (int j = 0, n = 0; j < tasks; j++) {
            if (j != task) {
                others[n++] = j;
            }
        }
        for (int k = others.length - 1; k > 0; k--) { // Fisher-Yates
            int swap = random.nextInt(k + 1);
            int held = others[k];
            others[k] = others[swap];
            others[swap] = held;
        }
        return others;
    }

    /** Golden-ratio mixing keeps (seed, step) pairs apart; SplittableRandom scrambles the rest. */
    private long seedFor(long step) {
        return seed ^ (step * 0x9E3779B97F4A7C15L);
    }

    @Override
    public State state() {
        return States.empty(NAME);
    }

    @Override
    public void restore(State state) {
        States.requireStrategy(state, NAME);
    }
}
