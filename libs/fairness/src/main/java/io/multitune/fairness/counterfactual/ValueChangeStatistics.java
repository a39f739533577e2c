package io.multitune.fairness.counterfactual;

import io.multitune.evaluation.Arguments;
import io.multitune.evaluation.stats.BootstrapResult;
import io.multitune.fairness.CounterfactualKind;
import io.multitune.fairness.stats.Bootstrap;

import java.util.Locale;

/**
 * Counterfactual figures of a regression task, in the target's units: a regression has no class to flip, so the
 * figures are mean |ŷ(x) − ŷ(x')| = (1/m) Σ_j |Δŷ_j| and max_j |Δŷ_j| over the m pairs, each with a 95 %
 * cluster-bootstrap interval over sources.
 *
 * @param pairs                 m
 * @param sources               n
 * @param meanAbsChange         mean |Δŷ|
 * @param meanAbsChangeInterval its interval
 * @param maxAbsChange          max |Δŷ|
 * @param maxAbsChangeInterval  its interval
 */
public record ValueChangeStatistics(int pairs, int sources, double meanAbsChange,
                                    BootstrapResult meanAbsChangeInterval, double maxAbsChange,
                                    BootstrapResult maxAbsChangeInterval) implements CounterfactualFigures {

    /** The figures of the arrays (see {@link ValueChangeInputs#of}), with 1000 resamples under this seed. */
    public static ValueChangeStatistics of(double[] originalValue, double[] counterfactualValue, int[] sourceIndex,
                                           long seed) {
        return of(ValueChangeInputs.of(originalValue, counterfactualValue, sourceIndex), new Bootstrap(seed));
    }

    /** The figures of validated inputs under a bootstrap. */
    public static ValueChangeStatistics of(ValueChangeInputs inputs, Bootstrap bootstrap) {
        Arguments.notNull(inputs, "inputs");
        Arguments.notNull(bootstrap, "bootstrap");
        int[] all = inputs.design().all();
        return new ValueChangeStatistics(inputs.pairs(), inputs.sources(), inputs.meanAbsChange(all),
                bootstrap.interval(inputs.design(), inputs::meanAbsChange), inputs.maxAbsChange(all),
                bootstrap.interval(inputs.design(), inputs::maxAbsChange));
    }

    @Override
    public CounterfactualKind kind() {
        return CounterfactualKind.VALUE_CHANGE;
    }

    @Override
    public String summary() {
        return String.format(Locale.ROOT, "mean |Δŷ| %.4f %s, max |Δŷ| %.4f %s over %d pairs from %d sources",
                meanAbsChange, Checks.interval(meanAbsChangeInterval), maxAbsChange,
                Checks.interval(maxAbsChangeInterval), pairs, sources);
    }
}
