package io.multitune.fairness.transfer;

import io.multitune.evaluation.Arguments;
import io.multitune.evaluation.stats.BootstrapResult;
import io.multitune.fairness.BiasMetric;

/**
 * One bias figure of one task, multi-task model against its baseline.
 *
 * @param task      the task id
 * @param metric    the figure
 * @param attribute the group attribute for group figures; null for counterfactual figures
 * @param multiTask the multi-task model's value
 * @param baseline  the baseline's value
 * @param interval  bootstrap interval of multiTask − baseline ({@code observed} is the difference); NaN bounds when
 *                  a value is undefined
 * @param paired    whether the interval is paired (same inputs for both models)
 */
public record TransferFigure(String task, BiasMetric metric, String attribute, double multiTask, double baseline,
                             BootstrapResult interval, boolean paired) {

    /** Checks the fields. */
    public TransferFigure {
        Arguments.require(task != null && !task.isBlank(), "task", "must be a non-blank id");
        Arguments.notNull(metric, "metric");
        Arguments.notNull(interval, "interval");
    }

    /** multiTask − baseline; NaN when either is undefined. */
    public double difference() {
        return multiTask - baseline;
    }

    /** Whether the difference could be measured. */
    public boolean defined() {
        return !Double.isNaN(difference());
    }

    /** Whether the interval lies wholly on one side of 0. */
    public boolean intervalExcludesZero() {
        return interval.lower() > 0 || interval.upper() < 0;
    }

    /** The figure's name: the metric's wire name, with {@code :<attribute>} for group figures. */
    public String name() {
        return attribute == null ? metric.wireName() : metric.wireName() + ":" + attribute;
    }
}
