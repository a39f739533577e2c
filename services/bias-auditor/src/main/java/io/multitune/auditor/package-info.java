/**
 * The bias auditor service: audits every trained model of a run with ONNX Runtime (counterfactual invariance under
 * swapped identity terms, group metrics on examples that carry group attributes, occlusion explanations of the most
 * changed cases), compares the multi-task model with each baseline (the bias transfer), counts the identity terms in
 * the training data, applies the run's bias gate, writes the bias report and sends model-audited, audit-failed and
 * run-audited events on {@code multitune.audits}.
 *
 * <p>Like the evaluator, its state is rebuilt from the topics at every start; a run already audited is recognised
 * by its {@code audit.json} under the artifact root.
 */
package io.multitune.auditor;
