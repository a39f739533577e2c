/**
 * The bias auditor's model path, plain Java over ONNX Runtime (through {@link io.multitune.scoring.ModelScorer}):
 * <ul>
 *   <li>{@link io.multitune.auditing.ModelAudit} audits one opened model on its job's tasks: counterfactual
 *       invariance on the task's term-mentioning test inputs and on filled templates, group metrics on its
 *       group-labelled test examples, occlusion attributions of the most changed cases; the result is an
 *       {@link io.multitune.auditing.AuditedModel}, the {@code ModelAudited} event plus the per-pair data behind
 *       it;</li>
 *   <li>{@link io.multitune.auditing.RunBiasJudgement} compares the multi-task model's audit with each task's
 *       baseline audit (bias transfer, paired intervals) and applies the run's bias gate, giving
 *       {@code RunAudited};</li>
 *   <li>{@link io.multitune.auditing.Representation} counts the identity terms of the run's data per task and
 *       split.</li>
 * </ul>
 * The formulas are libs/fairness's; this library decides which inputs are scored, in which order (the same for every
 * model of a run, so that pairs line up), and turns the figures into the events' records.
 */
package io.multitune.auditing;
