package io.multitune.training;

import java.util.Arrays;

/**
 * Per-task training losses over a window of steps (DWA's "epoch"): when the window is full its mean losses go to
 * {@code TaskWeighting.endOfWindow}. A task without rows in the window reports its last observed loss (the same
 * stand-in the step uses), or the mean of the others before it has been seen. Part of a checkpoint.
 */
public final class LossWindow {

    private final int length;
    private final double[] sums;
    private final long[] counts;
    private int steps;

    LossWindow(int tasks, int length) {
        this.length = length;
        this.sums = new double[tasks];
        this.counts = new long[tasks];
    }

    /** Adds a step's losses (NaN: no rows); returns the window means when this step completes the window. */
    double[] add(double[] losses, double[] lastLosses) {
        for (int i = 0; i < losses.length; i++) {
            if (Double.isFinite(losses[i])) {
                sums[i] += losses[i];
                counts[i]++;
            }
        }
        if (++steps < length) {
            return null;
        }
        double[] means = new double[sums.length];
        double total = 0;
        int seen = 0;
        for (int i = 0; i < means.length; i++) {
            means[i] = counts[i] > 0 ? sums[i] / counts[i] : lastLosses[i];
            if (Double.isFinite(means[i])) {
                total += means[i];
                seen++;
            }
        }
        for (int i = 0; i < means.length; i++) {
            means[i] = Double.isFinite(means[i]) ? means[i] : seen > 0 ? total / seen : 1.0;
        }
        Arrays.fill(sums, 0);
        Arrays.fill(counts, 0);
        steps = 0;
        return means;
    }

    State state() {
        return new State(sums.clone(), counts.clone(), steps);
    }

    void restore(State state) {
        if (state.sums().length != sums.length || state.counts().length != counts.length) {
            throw new IllegalArgumentException("loss window state is for a different number of tasks");
        }
        System.arraycopy(state.sums(), 0, sums, 0, sums.length);
        System.arraycopy(state.counts(), 0, counts, 0, counts.length);
        steps = state.steps();
    }

    /** Checkpointable state. */
    public record State(double[] sums, long[] counts, int steps) {
    }
}
