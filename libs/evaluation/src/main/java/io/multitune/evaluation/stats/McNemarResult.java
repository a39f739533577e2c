package io.multitune.evaluation.stats;

/**
 * Outcome of McNemar's test.
 *
 * @param mtlOnlyRight b: examples the multi-task model gets right and the baseline wrong
 * @param stlOnlyRight c: examples the baseline gets right and the multi-task model wrong
 * @param method       exact binomial (b + c &lt; 25) or chi-square with continuity correction
 * @param statistic    (|b − c| − 1)² / (b + c) for the chi-square method; NaN for the exact one
 * @param pValue       two-sided p-value
 */
public record McNemarResult(long mtlOnlyRight, long stlOnlyRight, McNemar.Method method, double statistic,
                            double pValue) {

    /** Whether the two models differ at level α. */
    public boolean significantAt(double alpha) {
        return pValue < alpha;
    }

    /** Whether the multi-task model is significantly worse at level α (c &gt; b and p &lt; α). */
    public boolean mtlWorseAt(double alpha) {
        return stlOnlyRight > mtlOnlyRight && significantAt(alpha);
    }
}
