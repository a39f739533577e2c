/**
 * The evaluator's scoring path as a plain library: {@link io.multitune.scoring.ModelScorer} runs an exported
 * multi-task ONNX model on held-out examples, encoded by the trainer's own batch assembler, and returns per-task
 * {@link io.multitune.scoring.TaskPredictions}; {@link io.multitune.scoring.PredictionMetrics} turns them into
 * {@link io.multitune.scoring.TaskScores} with libs/evaluation's metric functions (every metric of the task type,
 * the primary metric, per-example correctness for McNemar and the primary metric on resampled indices for the
 * paired bootstrap).
 */
package io.multitune.scoring;
