package io.multitune.evaluation.metrics;

import io.multitune.evaluation.Arguments;

/**
 * Counts of (gold, predicted) label pairs over classes 0..k−1; every classification metric here is a function of it.
 *
 * @param counts counts[gold][predicted], a k×k matrix
 */
public record ConfusionMatrix(long[][] counts) {

    /** Checks that the matrix is square and non-empty with non-negative counts, and copies it. */
    public ConfusionMatrix {
        Arguments.notNull(counts, "counts");
        Arguments.require(counts.length > 0, "counts", "must have at least one class");
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            Arguments.require(counts[i] != null && counts[i].length == counts.length, "counts",
                    "must be square, row " + i + " is not of length " + counts.length);
            for (long c : counts[i]) {
                Arguments.require(c >= 0, "counts", "must be non-negative, found " + c);
            }
            copy[i] = counts[i].clone();
        }
        counts = copy;
    }

    /** Builds the matrix from gold and predicted label indices in 0..numClasses−1. */
    public static ConfusionMatrix of(int[] gold, int[] predicted, int numClasses) {
        Arguments.notNull(gold, "gold");
        Arguments.notNull(predicted, "predicted");
        Arguments.sameNonEmptyLength(gold.length, predicted.length, "gold", "predicted");
        Arguments.require(numClasses > 0, "numClasses", "must be positive, was " + numClasses);
        long[][] m = new long[numClasses][numClasses];
        for (int i = 0; i < gold.length; i++) {
            Arguments.require(gold[i] >= 0 && gold[i] < numClasses, "gold",
                    "label " + gold[i] + " at " + i + " is outside 0.." + (numClasses - 1));
            Arguments.require(predicted[i] >= 0 && predicted[i] < numClasses, "predicted",
                    "label " + predicted[i] + " at " + i + " is outside 0.." + (numClasses - 1));
            m[gold[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(m);
    }

    /** Number of classes k. */
    public int numClasses() {
        return counts.length;
    }

    /** Count of examples with this gold and this predicted class. */
    public long count(int gold, int predicted) {
        return counts[gold][predicted];
    }

    /** Number of examples. */
    public long total() {
        long s = 0;
        for (long[] row : counts) {
            for (long c : row) {
                s += c;
            }
        }
        return s;
    }

    /** Number of correctly predicted examples (the trace). */
    public long correct() {
        long s = 0;
        for (int k = 0; k < counts.length; k++) {
            s += counts[k][k];
        }
        return s;
    }

    /** Gold count of class k (its support). */
    public long support(int k) {
        long s = 0;
        for (long c : counts[k]) {
            s += c;
        }
        return s;
    }

    /** Predicted count of class k. */
    public long predictedCount(int k) {
        long s = 0;
        for (long[] row : counts) {
            s += row[k];
        }
        return s;
    }

    /** The counts, copied so the record stays immutable. */
    @Override
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }
}
