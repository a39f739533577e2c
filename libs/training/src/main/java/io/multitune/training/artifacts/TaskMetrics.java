package io.multitune.training.artifacts;

import io.multitune.training.eval.TaskValidation;

/**
 * A task's final validation figures, as the manifest records them. NaN (no example, undefined metric) is written
 * as the string "NaN".
 *
 * @param loss   mean validation loss
 * @param metric the main metric's name (accuracy, token_accuracy, pearson, ...)
 * @param value  the metric's value
 * @param score  the score model selection and early stopping compare (higher is better)
 */
public record TaskMetrics(double loss, String metric, double value, double score) {

    /** From a validation round's result: the main metric is the score. */
    public static TaskMetrics of(TaskValidation validation) {
        return new TaskMetrics(validation.loss(), validation.metric(), validation.score(), validation.score());
    }
}
