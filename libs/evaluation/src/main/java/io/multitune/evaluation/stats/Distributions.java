package io.multitune.evaluation.stats;

import io.multitune.evaluation.Arguments;

/**
 * The distribution functions the tests need, implemented here to keep the library dependency-free: log-gamma
 * (Lanczos, g = 7), the regularised upper incomplete gamma Q(a, x) (series below a + 1, Lentz's continued fraction
 * above, as in Numerical Recipes), the chi-square survival function Q(k/2, x/2), erfc(z) = Q(1/2, z²) for z ≥ 0,
 * and the Bin(n, 1/2) lower tail. Accuracy is near 1e-14 relative, far below what a p-value needs.
 */
public final class Distributions {

    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7};
    private static final double EPSILON = 1e-15;
    private static final int MAX_ITERATIONS = 10_000;

    private Distributions() {
    }

    /** ln Γ(x) for x &gt; 0. */
    public static double logGamma(double x) {
        Arguments.require(x > 0, "x", "must be positive, was " + x);
        if (x < 0.5) {
            // Reflection keeps the Lanczos sum in its accurate range.
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double z = x - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    /** Regularised upper incomplete gamma Q(a, x) = Γ(a, x)/Γ(a), for a &gt; 0 and x ≥ 0. */
    public static double regularizedGammaQ(double a, double x) {
        Arguments.require(a > 0, "a", "must be positive, was " + a);
        Arguments.require(x >= 0, "x", "must be non-negative, was " + x);
        if (x == 0) {
            return 1.0;
        }
        if (Double.isInfinite(x)) {
            return 0.0;
        }
        if (x < a + 1) {
            return 1.0 - lowerSeries(a, x);
        }
        return upperContinuedFraction(a, x);
    }

    /** P(X ≥ x) for X chi-square with df degrees of freedom. */
    public static double chiSquareSurvival(double x, int df) {
        Arguments.require(df > 0, "df", "must be positive, was " + df);
        Arguments.require(x >= 0, "x", "must be non-negative, was " + x);
        return regularizedGammaQ(df / 2.0, x / 2.0);
    }

    /** The complementary error function erfc(z). */
    public static double erfc(double z) {
        Arguments.require(!Double.isNaN(z), "z", "must not be NaN");
        return z >= 0 ? regularizedGammaQ(0.5, z * z) : 2 - regularizedGammaQ(0.5, z * z);
    }

    /** P(X ≤ k) for X ~ Bin(n, 1/2), summed exactly in doubles (n up to about 1000). */
    public static double binomialHalfCdf(long k, long n) {
        Arguments.require(n >= 0 && n <= 1000, "n", "must lie in 0..1000, was " + n);
        Arguments.require(k >= 0, "k", "must be non-negative, was " + k);
        if (k >= n) {
            return 1.0;
        }
        double sum = 0;
        double term = Math.pow(0.5, n); // C(n, 0)/2^n
        for (long i = 0; i <= k; i++) {
            sum += term;
            term = term * (n - i) / (i + 1);
        }
        return Math.min(1.0, sum);
    }

    private static double lowerSeries(double a, double x) {
        double term = 1.0 / a;
        double sum = term;
        for (int n = 1; n < MAX_ITERATIONS; n++) {
            term *= x / (a + n);
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * EPSILON) {
                break;
            }
        }
        return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
    }

    private static double upperContinuedFraction(double a, double x) {
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_ITERATIONS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < tiny) {
                d = tiny;
            }
            c = b + an / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                break;
            }
        }
        return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
    }
}
