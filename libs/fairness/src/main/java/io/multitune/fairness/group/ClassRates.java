package io.multitune.fairness.group;

/**
 * One group's rates for one class c (one against the rest).
 *
 * @param label             c
 * @param selectionRate     #(ŷ = c) / n
 * @param truePositiveRate  #(ŷ = c, y = c) / #(y = c); NaN when the group has no example of class c
 * @param falsePositiveRate #(ŷ = c, y ≠ c) / #(y ≠ c); NaN when every example of the group is of class c
 */
public record ClassRates(int label, double selectionRate, double truePositiveRate, double falsePositiveRate) {
}
