package io.multitune.fairness.counterfactual;

import io.multitune.evaluation.Arguments;
import io.multitune.evaluation.stats.BootstrapResult;
import io.multitune.fairness.CounterfactualKind;
import io.multitune.fairness.stats.Bootstrap;

import java.util.List;
import java.util.Locale;

/**
 * Counterfactual figures of a token-classification task. <b>Definition:</b> a tagging model's prediction for an input
 * is its tag sequence; the swapped tokens themselves may legitimately change tag ("John" and "Mary" are both B-PER,
 * but a multi-word swap or a name that is also a word need not be), so only the tokens the swap did not touch are
 * compared. With U_j the untouched tokens of pair j and F_j those whose predicted tag changed:
 * <ul>
 *   <li>flip rate (sequence level, the one the gate judges, the analogue of a classifier's flip) =
 *       #{j : F_j &gt; 0} / m;</li>
 *   <li>token flip rate = Σ_j F_j / Σ_j U_j;</li>
 *   <li>mean change = Σ_j Σ_{i∈U_j} |p(t_i|x) − p(t_i|x')| / Σ_j U_j, t_i the tag predicted for the source;</li>
 *   <li>max change = the largest such |Δp|.</li>
 * </ul>
 * Each with a 95 % cluster-bootstrap interval over sources. Pairs whose every token was swapped are left out.
 *
 * @param pairs                 measured pairs m
 * @param excludedPairs         pairs left out (every token swapped)
 * @param sources               distinct sources measured
 * @param untouchedTokens       Σ_j U_j
 * @param flipRate              sequence flip rate
 * @param flipRateInterval      its interval
 * @param tokenFlipRate         token flip rate
 * @param tokenFlipRateInterval its interval
 * @param meanAbsChange         mean |Δp| per untouched token
 * @param meanAbsChangeInterval its interval
 * @param maxAbsChange          max |Δp|
 * @param maxAbsChangeInterval  its interval
 */
public record TagFlipStatistics(int pairs, int excludedPairs, int sources, long untouchedTokens, double flipRate,
                                BootstrapResult flipRateInterval, double tokenFlipRate,
                                BootstrapResult tokenFlipRateInterval, double meanAbsChange,
                                BootstrapResult meanAbsChangeInterval, double maxAbsChange,
                                BootstrapResult maxAbsChangeInterval) implements CounterfactualFigures {

    /** The figures of the pairs, with 1000 resamples under this seed. */
    public static TagFlipStatistics of(List<TaggedPair> pairs, long seed) {
        return of(TagFlipInputs.of(pairs), new Bootstrap(seed));
    }

    /** The figures of validated inputs under a bootstrap. */
    public static TagFlipStatistics of(TagFlipInputs inputs, Bootstrap bootstrap) {
        Arguments.notNull(inputs, "inputs");
        Arguments.notNull(bootstrap, "bootstrap");
        int[] all = inputs.design().all();
        return new TagFlipStatistics(inputs.pairs(), inputs.excludedPairs(), inputs.sources(),
                inputs.untouchedTokens(all),
                inputs.sequenceFlipRate(all), bootstrap.interval(inputs.design(), inputs::sequenceFlipRate),
                inputs.tokenFlipRate(all), bootstrap.interval(inputs.design(), inputs::tokenFlipRate),
                inputs.meanAbsChange(all), bootstrap.interval(inputs.design(), inputs::meanAbsChange),
                inputs.maxAbsChange(all), bootstrap.interval(inputs.design(), inputs::maxAbsChange));
    }

    @Override
    public CounterfactualKind kind() {
        return CounterfactualKind.TAG_FLIPS;
    }

    @Override
    public String summary() {
        return String.format(Locale.ROOT, "sequence flip rate %.4f %s over %d pairs from %d sources (%d left out,"
                        + " every token swapped), token flip rate %.4f %s over %d untouched tokens, mean |Δp| %.4f"
                        + " %s, max |Δp| %.4f %s", flipRate, Checks.interval(flipRateInterval), pairs, sources,
                excludedPairs, tokenFlipRate, Checks.interval(tokenFlipRateInterval), untouchedTokens,
                meanAbsChange, Checks.interval(meanAbsChangeInterval), maxAbsChange,
                Checks.interval(maxAbsChangeInterval));
    }
}
