package io.multitune.training.eval;

/**
 * One task's results of a validation round.
 *
 * @param taskId   the task
 * @param loss     mean validation loss (per example, per labelled token for tagging); NaN without examples
 * @param metric   the main metric's name
 * @param score    the main metric; NaN when undefined
 * @param examples validation examples scored
 */
public record TaskValidation(String taskId, double loss, String metric, double score, long examples) {
}
