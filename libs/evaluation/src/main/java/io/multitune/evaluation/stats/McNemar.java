package io.multitune.evaluation.stats;

import io.multitune.evaluation.Arguments;

/**
 * McNemar's test on paired correctness. Only the discordant pairs count: b (MTL right, STL wrong) and c (the
 * reverse). When b + c &lt; 25 the exact two-sided binomial test with p = 0.5 is used, p = min(1, 2·P(X ≤ min(b, c)))
 * with X ~ Bin(b + c, 1/2), because the chi-square approximation is poor for few discordant pairs; otherwise
 * χ² = (|b − c| − 1)² / (b + c) with Edwards' continuity correction and p from the chi-square(1) survival function.
 * With no discordant pair p = 1.
 */
public final class McNemar {

    /** Below this many discordant pairs the exact test is used. */
    public static final long EXACT_BELOW = 25;

    /** How the p-value was obtained. */
    public enum Method {
        /** Exact two-sided binomial test. */
        EXACT_BINOMIAL,
        /** Chi-square with one degree of freedom and continuity correction. */
        CHI_SQUARE_CORRECTED
    }

    private McNemar() {
    }

    /** The test on per-example correctness of the two models (same examples, same order). */
    public static McNemarResult test(boolean[] mtlCorrect, boolean[] stlCorrect) {
        Arguments.notNull(mtlCorrect, "mtlCorrect");
        Arguments.notNull(stlCorrect, "stlCorrect");
        Arguments.sameNonEmptyLength(mtlCorrect.length, stlCorrect.length, "mtlCorrect", "stlCorrect");
        long b = 0;
        long c = 0;
        for (int i = 0; i < mtlCorrect.length; i++) {
            if (mtlCorrect[i] && !stlCorrect[i]) {
                b++;
            } else if (!mtlCorrect[i] && stlCorrect[i]) {
                c++;
            }
        }
        return fromCounts(b, c);
    }

    /** The test from the discordant counts b and c. */
    public static McNemarResult fromCounts(long b, long c) {
        Arguments.require(b >= 0, "b", "must be non-negative, was " + b);
        Arguments.require(c >= 0, "c", "must be non-negative, was " + c);
        long n = b + c;
        if (n < EXACT_BELOW) {
            double p = n == 0 ? 1.0 : Math.min(1.0, 2 * Distributions.binomialHalfCdf(Math.min(b, c), n));
            return new McNemarResult(b, c, Method.EXACT_BINOMIAL, Double.NaN, p);
        }
        double excess = Math.max(0, Math.abs(b - c) - 1);
        double statistic = excess * excess / n;
        return new McNemarResult(b, c, Method.CHI_SQUARE_CORRECTED, statistic,
                Distributions.chiSquareSurvival(statistic, 1));
    }
}
