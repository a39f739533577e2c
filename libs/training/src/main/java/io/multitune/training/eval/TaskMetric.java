package io.multitune.training.eval;

import io.multitune.training.batch.TaskTargets;

/**
 * A task's main validation metric, accumulated over validation batches from the head's logits (copied to the
 * host: validation sees few examples, and the metrics need argmax and text). Higher is better for every metric
 * here, which early stopping relies on.
 */
public interface TaskMetric {

    /** The metric's name as reported ({@code accuracy}, {@code token-accuracy}, {@code pearson}, {@code f1}). */
    String name();

    /** Adds one batch: the logits' values (row-major) and shape, and the batch's targets. */
    void add(float[] logits, long[] shape, TaskTargets targets);

    /** Examples added so far. */
    long examples();

    /** The metric over everything added; NaN when it is undefined (nothing added, or no variance for Pearson). */
    double score();

    /** Index of the largest of {@code width} values starting at {@code offset}; the first one on ties. */
    static int argmax(float[] values, int offset, int width) {
        int best = 0;
        for (int k = 1; k < width; k++) {
            if (values[offset + k] > values[offset + best]) {
                best = k;
            }
        }
        return best;
    }
}
