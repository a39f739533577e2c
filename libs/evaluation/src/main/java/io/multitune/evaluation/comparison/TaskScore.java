package io.multitune.evaluation.comparison;

import io.multitune.evaluation.Arguments;
import io.multitune.evaluation.metrics.MetricKind;

/**
 * A task's primary metric value and its weight in the unified score.
 *
 * @param task   task id
 * @param metric the primary metric
 * @param value  its value, in the metric's own units
 * @param weight weight in the unified score, ≥ 0 (default 1)
 */
public record TaskScore(String task, MetricKind metric, double value, double weight) {

    /** Checks the fields. */
    public TaskScore {
        Arguments.require(task != null && !task.isBlank(), "task", "must be a non-blank id");
        Arguments.notNull(metric, "metric");
        Arguments.finite(value, "value");
        Arguments.require(weight >= 0 && Double.isFinite(weight), "weight",
                "must be finite and non-negative, was " + weight);
    }

    /** A score with weight 1. */
    public static TaskScore of(String task, MetricKind metric, double value) {
        return new TaskScore(task, metric, value, 1.0);
    }
}
