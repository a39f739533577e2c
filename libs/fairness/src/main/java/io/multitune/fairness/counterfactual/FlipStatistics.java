package io.multitune.fairness.counterfactual;

import io.multitune.evaluation.Arguments;
import io.multitune.evaluation.stats.BootstrapResult;
import io.multitune.fairness.CounterfactualKind;
import io.multitune.fairness.stats.Bootstrap;

import java.util.Locale;

/**
 * Counterfactual figures of a classification task (text or text pair), over m pairs from n sources:
 * <ul>
 *   <li>flip rate = #{j : ŷ(x'_j) ≠ ŷ(x_j)} / m;</li>
 *   <li>mean change = (1/m) Σ_j |p(ŷ_j|x_j) − p(ŷ_j|x'_j)|, ŷ_j the class predicted for the source;</li>
 *   <li>max change = max_j |p(ŷ_j|x_j) − p(ŷ_j|x'_j)|.</li>
 * </ul>
 * Each with a 95 % cluster-bootstrap interval over sources. The max's interval cannot reach above the observed max
 * (no resample holds a larger change): read it as a spread, not as a bound.
 *
 * @param pairs                 m
 * @param sources               n
 * @param flips                 flipped pairs
 * @param flipRate              flips / m
 * @param flipRateInterval      its interval
 * @param meanAbsChange         mean |Δp|
 * @param meanAbsChangeInterval its interval
 * @param maxAbsChange          max |Δp|
 * @param maxAbsChangeInterval  its interval
 */
public record FlipStatistics(int pairs, int sources, int flips, double flipRate, BootstrapResult flipRateInterval,
                             double meanAbsChange, BootstrapResult meanAbsChangeInterval, double maxAbsChange,
                             BootstrapResult maxAbsChangeInterval) implements CounterfactualFigures {

    /** The figures of the arrays (see {@link FlipInputs#of}), with 1000 resamples under this seed. */
    public static FlipStatistics of(int[] originalPredicted, double[] originalProb, int[] counterfactualPredicted,
                                    double[] counterfactualProbOfOriginalClass, int[] sourceIndex, long seed) {
        return of(FlipInputs.of(originalPredicted, originalProb, counterfactualPredicted,
                counterfactualProbOfOriginalClass, sourceIndex), new Bootstrap(seed));
    }

    /** The figures of validated inputs under a bootstrap. */
    public static FlipStatistics of(FlipInputs inputs, Bootstrap bootstrap) {
        Arguments.notNull(inputs, "inputs");
        Arguments.notNull(bootstrap, "bootstrap");
        int[] all = inputs.design().all();
        int flips = 0;
        for (int j : all) {
            flips += inputs.flipped(j) ? 1 : 0;
        }
        return new FlipStatistics(inputs.pairs(), inputs.sources(), flips, inputs.flipRate(all),
                bootstrap.interval(inputs.design(), inputs::flipRate), inputs.meanAbsChange(all),
                bootstrap.interval(inputs.design(), inputs::meanAbsChange), inputs.maxAbsChange(all),
                bootstrap.interval(inputs.design(), inputs::maxAbsChange));
    }

    @Override
    public CounterfactualKind kind() {
        return CounterfactualKind.LABEL_FLIPS;
    }

    @Override
    public String summary() {
        return String.format(Locale.ROOT, "flip rate %.4f %s (%d of %d pairs from %d sources), mean |Δp| %.4f %s,"
                        + " max |Δp| %.4f %s", flipRate, Checks.interval(flipRateInterval), flips, pairs, sources,
                meanAbsChange, Checks.interval(meanAbsChangeInterval), maxAbsChange,
                Checks.interval(maxAbsChangeInterval));
    }
}
