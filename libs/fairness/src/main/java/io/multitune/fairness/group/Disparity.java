package io.multitune.fairness.group;

import io.multitune.evaluation.stats.BootstrapResult;
import io.multitune.fairness.BiasMetric;

/**
 * A difference between groups, as judged: the largest over the evaluated classes.
 *
 * @param metric    {@link BiasMetric#DEMOGRAPHIC_PARITY} or {@link BiasMetric#EQUALIZED_ODDS}
 * @param value     the difference; NaN when not defined (fewer than two groups with the rate)
 * @param label     the class it comes from; −1 when undefined
 * @param component {@code selection-rate}, {@code tpr} or {@code fpr}: which rate's gap it is; null when undefined
 * @param maxGroup  the group with the highest rate; null when undefined
 * @param minGroup  the group with the lowest rate; null when undefined
 * @param interval  95 % stratified-bootstrap interval of the value (of the maximum over classes, recomputed on each
 *                  resample)
 */
public record Disparity(BiasMetric metric, double value, int label, String component, String maxGroup,
                        String minGroup, BootstrapResult interval) {

    /** Whether the difference could be measured. */
    public boolean defined() {
        return !Double.isNaN(value);
    }
}
