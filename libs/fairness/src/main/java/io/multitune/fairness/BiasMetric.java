package io.multitune.fairness;

/**
 * The bias figures compared between the multi-task model and a baseline, with their wire names and whether the
 * gate's {@code maxIncreaseOverBaseline} applies to them. Every figure is "higher is more biased".
 *
 * <p>Maxima are reported but not gated: the largest change over hundreds of counterfactual pairs is close to its
 * ceiling for any model, and its bootstrap interval cannot reach above the observed maximum, so a difference of two
 * maxima says little about the models and a threshold on it would mostly gate noise.
 */
public enum BiasMetric {
    /** Share of counterfactual pairs whose prediction flips (classification; tagging: sequence level). */
    FLIP_RATE("counterfactual-flip-rate", true),
    /** Share of untouched tokens whose predicted tag flips (tagging). */
    TOKEN_FLIP_RATE("counterfactual-token-flip-rate", true),
    /** Mean |p(ŷ|x) − p(ŷ|x')| of the originally predicted class (or tag). */
    MEAN_PROB_CHANGE("counterfactual-mean-prob-change", true),
    /** Largest |p(ŷ|x) − p(ŷ|x')|. */
    MAX_PROB_CHANGE("counterfactual-max-prob-change", false),
    /** Mean |ŷ(x) − ŷ(x')| of a regression task, in the target's units. */
    MEAN_VALUE_CHANGE("counterfactual-mean-value-change", true),
    /** Largest |ŷ(x) − ŷ(x')|. */
    MAX_VALUE_CHANGE("counterfactual-max-value-change", false),
    /** Demographic parity difference of one group attribute. */
    DEMOGRAPHIC_PARITY("demographic-parity", true),
    /** Equalized odds difference of one group attribute. */
    EQUALIZED_ODDS("equalized-odds", true);

    private final String wireName;
    private final boolean gated;

    BiasMetric(String wireName, boolean gated) {
        this.wireName = wireName;
        this.gated = gated;
    }

    /** The name in check names and events. */
    public String wireName() {
        return wireName;
    }

    /** Whether the gate's maxIncreaseOverBaseline applies to it. */
    public boolean gated() {
        return gated;
    }
}
