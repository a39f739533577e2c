/**
 * Metrics per task type, computed from plain arrays and lists, so the evaluator can score any model's output
 * (ours or one a user brings) the same way. Each class documents the convention it chose where the literature
 * leaves a choice open (zero-support classes, BIO repair, empty answers, smoothing), because two tools that
 * differ silently on those give different numbers for the same predictions.
 * {@link io.multitune.evaluation.metrics.MetricKind} says of each metric whether higher is better and how it maps
 * to [0, 1]; {@link io.multitune.evaluation.metrics.TaskType} names the default primary metric of each task type.
 */
package io.multitune.evaluation.metrics;
