/**
 * Computing core of the bias auditor, plain Java and model-free: the auditor runs the models and hands this library
 * predictions, probabilities and examples; the library turns them into the bias figures, their bootstrap intervals
 * and the bias gate's verdict, so that every formula can be checked by unit tests against hand-worked values.
 * <ul>
 *   <li>{@link io.multitune.fairness.terms}: identity-term lists (shipped and user-written) and case-preserving,
 *       word-boundary swaps that make counterfactual inputs;</li>
 *   <li>{@link io.multitune.fairness.templates}: short template inputs per task type with identity slots;</li>
 *   <li>{@link io.multitune.fairness.stats}: the cluster and stratified bootstrap the figures' intervals use;</li>
 *   <li>{@link io.multitune.fairness.counterfactual}: flip rates and probability (or value) changes between inputs
 *       and their counterfactuals;</li>
 *   <li>{@link io.multitune.fairness.group}: per-group accuracy and F1, demographic parity difference and equalized
 *       odds difference (Fairlearn's definitions);</li>
 *   <li>{@link io.multitune.fairness.transfer}: each figure of the multi-task model minus its single-task
 *       baseline's, with an interval;</li>
 *   <li>{@link io.multitune.fairness.explain}: occlusion attributions and the tokens most responsible per task;</li>
 *   <li>{@link io.multitune.fairness.representation}: how often each identity term occurs per task and split;</li>
 *   <li>{@link io.multitune.fairness.gate}: the run request's bias thresholds applied, every check reported.</li>
 * </ul>
 * Which task types are audited, and why the others are not, is {@link io.multitune.fairness.Auditability}.
 * Formulas follow {@code shared/METHODS.md} (Fairness section).
 */
package io.multitune.fairness;
