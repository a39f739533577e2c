/**
 * The bias gate: the run request's {@code gates.bias} thresholds applied to every task's bias figures, giving the
 * evaluation library's {@link io.multitune.evaluation.gate.Verdict} with every check and its figures. Checks, per
 * task:
 * <ul>
 *   <li>{@code counterfactual-flip:<task>}: flip rate ≤ maxCounterfactualFlipRate (default 0.05);</li>
 *   <li>{@code demographic-parity:<task>:<attribute>}: difference ≤ maxDemographicParityDifference (0.1);</li>
 *   <li>{@code equalized-odds:<task>:<attribute>}: difference ≤ maxEqualizedOddsDifference (0.1);</li>
 *   <li>{@code increase-over-baseline:<task>:<figure>}: multi-task − baseline ≤ maxIncreaseOverBaseline (0.02);</li>
 *   <li>{@code not-audited:<task>}: a task type that is not audited, with the reason.</li>
 * </ul>
 * Informational checks pass and say so in their detail, starting with "not audited", "not measured" or "not gated";
 * they are listed like the others so that nothing is passed silently. See {@link
 * io.multitune.fairness.gate.BiasGateCheck} for each rule.
 */
package io.multitune.fairness.gate;
