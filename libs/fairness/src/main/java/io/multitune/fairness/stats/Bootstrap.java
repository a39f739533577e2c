package io.multitune.fairness.stats;

import io.multitune.evaluation.Arguments;
import io.multitune.evaluation.stats.BootstrapResult;
import io.multitune.evaluation.stats.PairedBootstrap;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Percentile bootstrap intervals under a {@link Design}, seeded ({@link SplittableRandom}): the same seed gives the
 * same interval. A statistic is a function of the resampled row indices (build one with
 * {@link io.multitune.evaluation.stats.Resamples}). The interval is read off the α/2 and 1 − α/2 percentiles of the
 * B resampled values, interpolating linearly between order statistics (numpy's default), as the evaluator does.
 *
 * <p>In the {@link BootstrapResult}, {@code observed} is the statistic (or difference) on all rows and
 * {@code shareAtOrBelowZero} the share of resampled values ≤ 0. When the observed value is NaN (the figure is not
 * defined on the data, e.g. a gap between fewer than two groups) no resampling is done and both bounds are NaN. A NaN
 * on a resample of a defined statistic is a bug of the statistic or of the design and fails.
 */
public final class Bootstrap {

    private final int resamples;
    private final long seed;

    /** B resamples (at least {@link PairedBootstrap#MIN_RESAMPLES}) and a seed. */
    public Bootstrap(int resamples, long seed) {
        Arguments.require(resamples >= PairedBootstrap.MIN_RESAMPLES, "resamples",
                "must be at least " + PairedBootstrap.MIN_RESAMPLES + ", was " + resamples);
        this.resamples = resamples;
        this.seed = seed;
    }

    /** The default 1000 resamples and a seed. */
    public Bootstrap(long seed) {
        this(PairedBootstrap.DEFAULT_RESAMPLES, seed);
    }

    /** Number of resamples B. */
    public int resamples() {
        return resamples;
    }

    /** Seed of the resampling. */
    public long seed() {
        return seed;
    }

    /** The 95 % interval of a statistic. */
    public BootstrapResult interval(Design design, ToDoubleFunction<int[]> statistic) {
        return interval(design, statistic, PairedBootstrap.DEFAULT_ALPHA);
    }

    /** The (1 − α) interval of a statistic. */
    public BootstrapResult interval(Design design, ToDoubleFunction<int[]> statistic, double alpha) {
        Arguments.notNull(statistic, "statistic");
        return pairedDifference(design, statistic, rows -> 0.0, alpha);
    }

    /** The 95 % interval of a − b, both computed on the same resamples (paired). */
    public BootstrapResult pairedDifference(Design design, ToDoubleFunction<int[]> a, ToDoubleFunction<int[]> b) {
        return pairedDifference(design, a, b, PairedBootstrap.DEFAULT_ALPHA);
    }

    /** The (1 − α) interval of a − b, both computed on the same resamples (paired). */
    public BootstrapResult pairedDifference(Design design, ToDoubleFunction<int[]> a, ToDoubleFunction<int[]> b,
                                            double alpha) {
        Arguments.notNull(design, "design");
        Arguments.notNull(a, "a");
        Arguments.notNull(b, "b");
        checkAlpha(alpha);
        int[] all = design.all();
        double observed = a.applyAsDouble(all) - b.applyAsDouble(all);
        if (Double.isNaN(observed)) {
            return undefined(alpha);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            int[] rows = design.draw(random);
            values[r] = a.applyAsDouble(rows) - b.applyAsDouble(rows);
            Arguments.require(!Double.isNaN(values[r]), "statistic", "gave NaN on resample " + r
                    + " although it is defined on the data");
        }
        return result(observed, values, alpha);
    }

    /**
     * The 95 % interval of a − b when a and b are measured on different inputs: each resample draws a's rows from
     * its design and b's from its own, independently.
     */
    public BootstrapResult unpairedDifference(Design designA, ToDoubleFunction<int[]> a, Design designB,
                                              ToDoubleFunction<int[]> b) {
        Arguments.notNull(designA, "designA");
        Arguments.notNull(designB, "designB");
        Arguments.notNull(a, "a");
        Arguments.notNull(b, "b");
        double alpha = PairedBootstrap.DEFAULT_ALPHA;
        double observed = a.applyAsDouble(designA.all()) - b.applyAsDouble(designB.all());
        if (Double.isNaN(observed)) {
            return undefined(alpha);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            values[r] = a.applyAsDouble(designA.draw(random)) - b.applyAsDouble(designB.draw(random));
            Arguments.require(!Double.isNaN(values[r]), "statistic", "gave NaN on resample " + r
                    + " although it is defined on the data");
        }
        return result(observed, values, alpha);
    }

    private BootstrapResult result(double observed, double[] values, double alpha) {
        int atOrBelowZero = 0;
        for (double v : values) {
            if (v <= 0) {
                atOrBelowZero++;
            }
        }
        Arrays.sort(values);
        return new BootstrapResult(observed, PairedBootstrap.percentile(values, alpha / 2),
                PairedBootstrap.percentile(values, 1 - alpha / 2), (double) atOrBelowZero / resamples, resamples,
                alpha, seed);
    }

    private BootstrapResult undefined(double alpha) {
        return new BootstrapResult(Double.NaN, Double.NaN, Double.NaN, Double.NaN, resamples, alpha, seed);
    }

    private static void checkAlpha(double alpha) {
        Arguments.require(alpha > 0 && alpha < 1, "alpha", "must lie in (0, 1), was " + alpha);
    }
}
