package io.multitune.evaluation.stats;

import io.multitune.evaluation.Arguments;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Paired bootstrap (Koehn 2004; Efron): resample the n test examples with replacement B times, compute
 * metric(MTL) − metric(STL) on the same resample, and read the confidence interval off the percentiles of the
 * differences (linear interpolation between order statistics, numpy's default). A metric is given as a function of
 * the resampled index array, so any metric — a share, an F1, a correlation, BLEU — can be bootstrapped; build one
 * with {@link Resamples}. Seeded with a {@link SplittableRandom}: the same seed gives the same interval.
 */
public final class PairedBootstrap {

    /** Default number of resamples. */
    public static final int DEFAULT_RESAMPLES = 1000;
    /** Fewest resamples accepted: fewer make the 2.5 % tail rest on a couple of points. */
    public static final int MIN_RESAMPLES = 1000;
    /** Default α: a 95 % interval. */
    public static final double DEFAULT_ALPHA = 0.05;

    private final int resamples;
    private final long seed;

    /** A bootstrap with B resamples (at least 1000) and this seed. */
    public PairedBootstrap(int resamples, long seed) {
        Arguments.require(resamples >= MIN_RESAMPLES, "resamples",
                "must be at least " + MIN_RESAMPLES + ", was " + resamples);
        this.resamples = resamples;
        this.seed = seed;
    }

    /** A bootstrap with the default 1000 resamples and this seed. */
    public PairedBootstrap(long seed) {
        this(DEFAULT_RESAMPLES, seed);
    }

    /** The 95 % interval of metric(MTL) − metric(STL) over n paired examples. */
    public BootstrapResult compare(int n, ToDoubleFunction<int[]> mtlMetric, ToDoubleFunction<int[]> stlMetric) {
        return compare(n, mtlMetric, stlMetric, DEFAULT_ALPHA);
    }

    /** The (1 − α) interval of metric(MTL) − metric(STL) over n paired examples. */
    public BootstrapResult compare(int n, ToDoubleFunction<int[]> mtlMetric, ToDoubleFunction<int[]> stlMetric,
                                   double alpha) {
        Arguments.require(n > 0, "n", "must be positive, was " + n);
        Arguments.notNull(mtlMetric, "mtlMetric");
        Arguments.notNull(stlMetric, "stlMetric");
        Arguments.require(alpha > 0 && alpha < 1, "alpha", "must lie in (0, 1), was " + alpha);
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        double observed = mtlMetric.applyAsDouble(all) - stlMetric.applyAsDouble(all);
        SplittableRandom random = new SplittableRandom(seed);
        double[] differences = new double[resamples];
        int atOrBelowZero = 0;
        int[] indices = new int[n];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) {
                indices[i] = random.nextInt(n);
            }
            // Both models see the same resample: that pairing is what removes the example-difficulty variance.
            double d = mtlMetric.applyAsDouble(indices) - stlMetric.applyAsDouble(indices);
            Arguments.require(!Double.isNaN(d), "mtlMetric", "gave NaN on resample " + b);
            differences[b] = d;
            if (d <= 0) {
                atOrBelowZero++;
            }
        }
        Arrays.sort(differences);
        return new BootstrapResult(observed, percentile(differences, alpha / 2), percentile(differences, 1 - alpha / 2),
                (double) atOrBelowZero / resamples, resamples, alpha, seed);
    }

    /** The q-quantile (q in [0, 1]) of sorted values, interpolating linearly between order statistics. */
    public static double percentile(double[] sorted, double q) {
        Arguments.notNull(sorted, "sorted");
        Arguments.require(sorted.length > 0, "sorted", "must not be empty");
        Arguments.require(q >= 0 && q <= 1, "q", "must lie in [0, 1], was " + q);
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }

    /** Number of resamples B. */
    public int resamples() {
        return resamples;
    }

    /** Seed of the resampling. */
    public long seed() {
        return seed;
    }
}
