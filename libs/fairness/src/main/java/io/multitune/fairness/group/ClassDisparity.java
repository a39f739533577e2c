package io.multitune.fairness.group;

/**
 * The gaps of one class between the groups that enter the differences.
 *
 * @param label             the class c
 * @param demographicParity max_g selection rate − min_g selection rate (NaN with fewer than two groups)
 * @param tprGap            max_g TPR − min_g TPR over the groups where TPR is defined (NaN with fewer than two)
 * @param fprGap            max_g FPR − min_g FPR, likewise
 * @param equalizedOdds     max(tprGap, fprGap), NaN when both are
 */
public record ClassDisparity(int label, double demographicParity, double tprGap, double fprGap,
                             double equalizedOdds) {
}
