package io.multitune.evaluation.stats;

/**
 * Outcome of a paired bootstrap of metric(MTL) − metric(STL).
 *
 * @param observed         the difference on the full test set
 * @param lower            lower percentile bound of the confidence interval (α/2)
 * @param upper            upper percentile bound (1 − α/2)
 * @param shareAtOrBelowZero share of resamples whose difference is ≤ 0: a one-sided p-like figure for "MTL is not
 *                           better"
 * @param resamples        number of resamples B
 * @param alpha            1 − confidence level of the interval
 * @param seed             seed of the resampling
 */
public record BootstrapResult(double observed, double lower, double upper, double shareAtOrBelowZero, int resamples,
                              double alpha, long seed) {
}
