package io.multitune.scoring;

import io.multitune.evaluation.metrics.MetricKind;
import io.multitune.evaluation.metrics.TaskType;

import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * One task's scores on the held-out examples.
 *
 * @param taskId           the task
 * @param type             the task's type as libs/evaluation groups them
 * @param metrics          every metric of the type that applies, by {@link MetricKind#metricName()} (entity-f1 only
 *                         for BIO tag sets), in a stable order
 * @param primary          the primary metric
 * @param primaryValue     its value on all examples
 * @param correct          per-example correctness for classification (McNemar's input); null for other types
 * @param primaryOnSubset  the primary metric on a multiset of example indices (a bootstrap resample; indices may
 *                         repeat), for {@link io.multitune.evaluation.stats.PairedBootstrap}
 * @param examples         how many examples were scored
 */
public record TaskScores(String taskId, TaskType type, Map<String, Double> metrics, MetricKind primary,
                         double primaryValue, boolean[] correct, ToDoubleFunction<int[]> primaryOnSubset,
                         int examples) {

    /** The name of the primary metric, e.g. {@code accuracy}. */
    public String primaryMetric() {
        return primary.metricName();
    }

    /** A metric's value by name; fails naming the metrics there are. */
    public double metric(String name) {
        Double value = metrics.get(name);
        if (value == null) {
            throw new IllegalArgumentException("task '" + taskId + "' has no metric '" + name + "'; it has "
                    + metrics.keySet());
        }
        return value;
    }
}
