/**
 * Scoring core of the evaluator, plain Java and engine-free: it turns gold labels and the predictions of the
 * multi-task model and of the single-task baselines into the figures the evaluation report and the promotion gate
 * need, so that every formula can be checked by unit tests against hand-worked values without a model in sight.
 * <ul>
 *   <li>{@link io.multitune.evaluation.metrics}: the metric of each task type, and which metric is primary;</li>
 *   <li>{@link io.multitune.evaluation.stats}: paired bootstrap confidence intervals and McNemar's test;</li>
 *   <li>{@link io.multitune.evaluation.comparison}: per-task comparison with the baseline, Δm, unified score;</li>
 *   <li>{@link io.multitune.evaluation.gate}: the run request's thresholds and the pass/fail verdict.</li>
 * </ul>
 * Formulas follow {@code shared/METHODS.md} (Evaluation section).
 */
package io.multitune.evaluation;
