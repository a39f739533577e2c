/**
 * The evaluator service: scores every trained model of a run on the test split of its tasks with ONNX Runtime,
 * compares the multi-task model with the single-task baselines (paired bootstrap, McNemar, Δm, unified score),
 * applies the run's gate, writes the run's HTML report and sends model-evaluated, evaluation-failed and
 * run-evaluated events on {@code multitune.evaluations}.
 *
 * <p>The state is rebuilt from the topics at every start (run plans and training events are read from the
 * beginning); a run whose evaluation is already on the broker is recognised by its {@code evaluation.json} under
 * the artifact root and not judged again.
 */
package io.multitune.evaluator;
