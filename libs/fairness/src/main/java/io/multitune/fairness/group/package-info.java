/**
 * Group metrics on examples that carry group attributes ({@code StandardExample.groups()}, attribute → value, set at
 * ingest), with Fairlearn's definitions (METHODS.md, Fairness):
 * <ul>
 *   <li>selection rate of group g for class c: P(ŷ = c | G = g);</li>
 *   <li>demographic parity difference: max_g selection rate − min_g selection rate;</li>
 *   <li>equalized odds difference: max(max_g TPR − min_g TPR, max_g FPR − min_g FPR), TPR = P(ŷ = c | y = c, G = g),
 *       FPR = P(ŷ = c | y ≠ c, G = g).</li>
 * </ul>
 * <b>Positive class.</b> Binary tasks use class 1 unless another is configured (Fairlearn's {@code pos_label=1}).
 * For binary tasks the choice does not matter (the selection rates of the two classes sum to 1 and TPR of one is
 * 1 − FPR of the other, so the differences are equal). Multiclass tasks without a configured class are judged one
 * against the rest for every class, and the reported difference is the largest over the classes, naming the class
 * and the two groups; the per-class figures are kept.
 *
 * <p><b>Small groups</b> (fewer than {@code minGroupSize} examples, default 30) are reported with their figures but
 * left out of the differences: the gap between two rates is dominated by the smaller group's noise (a rate on n
 * examples has a standard error up to 0.5/√n, 0.09 at n = 30, already near the gate's 0.1).
 *
 * <p><b>Undefined rates.</b> A group with no example of gold class c has no TPR for c, one with only class c no FPR;
 * that group is left out of that gap only. A gap between fewer than two groups is undefined (NaN), and a difference
 * that is undefined for every class is NaN; the gate reports it as "not measured".
 *
 * <p><b>Intervals</b> are stratified bootstraps that resample within each (group, gold class) cell, so that group
 * sizes and class supports, and with them which rates are defined, stay those of the data.
 */
package io.multitune.fairness.group;
