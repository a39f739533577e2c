package io.multitune.training;

import java.util.Arrays;

/**
 * Each task's last observed training loss, the stand-in a strategy sees for a task that does not pull in a step
 * (stopped, or without rows): strategies take all T losses, and a 0 would push learned weights (uncertainty's s_i,
 * FAMO's logits, GradNorm's rates) for no reason. Before a task has been seen, the mean of the step's observed
 * losses stands in. Part of a checkpoint.
 */
final class LastLosses {

    private final double[] values;

    LastLosses(int tasks) {
        values = new double[tasks];
        Arrays.fill(values, Double.NaN);
    }

    /** Observed losses where {@code active}, stand-ins elsewhere. */
    double[] forWeighting(double[] observed, boolean[] active) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < observed.length; i++) {
            if (active[i]) {
                sum += observed[i];
                n++;
            }
        }
        double mean = n == 0 ? 1.0 : sum / n;
        double[] losses = new double[observed.length];
        for (int i = 0; i < losses.length; i++) {
            losses[i] = active[i] ? observed[i] : Double.isNaN(values[i]) ? mean : values[i];
        }
        return losses;
    }

    void remember(double[] losses, boolean[] active) {
        for (int i = 0; i < losses.length; i++) {
            if (active[i] && Double.isFinite(losses[i])) {
                values[i] = losses[i];
            }
        }
    }

    double[] values() {
        return values.clone();
    }

    void restore(double[] losses) {
        if (losses.length != values.length) {
            throw new IllegalArgumentException(losses.length + " last losses for " + values.length + " tasks");
        }
        System.arraycopy(losses, 0, values, 0, losses.length);
    }
}
