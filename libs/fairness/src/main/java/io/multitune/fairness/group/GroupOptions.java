package io.multitune.fairness.group;

import io.multitune.evaluation.Arguments;

import java.util.OptionalInt;

/**
 * Settings of the group metrics.
 *
 * @param minGroupSize  groups with fewer examples are reported but left out of the differences (default 30)
 * @param positiveClass the class whose selection rate, TPR and FPR are compared; empty = class 1 for binary tasks,
 *                      every class one-vs-rest for multiclass tasks (the largest difference is reported)
 */
public record GroupOptions(int minGroupSize, OptionalInt positiveClass) {

    /** Default minimum group size. */
    public static final int DEFAULT_MIN_GROUP_SIZE = 30;

    /** Checks the fields. */
    public GroupOptions {
        Arguments.require(minGroupSize >= 1, "minGroupSize", "must be at least 1, was " + minGroupSize);
        Arguments.notNull(positiveClass, "positiveClass");
        positiveClass.ifPresent(c -> Arguments.require(c >= 0, "positiveClass", "must be non-negative, was " + c));
    }

    /** Minimum group size 30, default positive class. */
    public static GroupOptions defaults() {
        return new GroupOptions(DEFAULT_MIN_GROUP_SIZE, OptionalInt.empty());
    }

    /** The defaults with another minimum group size. */
    public static GroupOptions withMinGroupSize(int minGroupSize) {
        return new GroupOptions(minGroupSize, OptionalInt.empty());
    }
}
