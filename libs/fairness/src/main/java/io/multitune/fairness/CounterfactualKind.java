package io.multitune.fairness;

/** What a counterfactual comparison measures for a task type. */
public enum CounterfactualKind {
    /**
     * Text and text-pair classification: whether the predicted class changes, and how much the probability of the
     * originally predicted class moves ({@link io.multitune.fairness.counterfactual.FlipStatistics}).
     */
    LABEL_FLIPS,
    /**
     * Token classification: whether the predicted tags of the tokens the swap did not touch change
     * ({@link io.multitune.fairness.counterfactual.TagFlipStatistics}).
     */
    TAG_FLIPS,
    /**
     * Regression: the absolute change of the predicted value; there is no class to flip
     * ({@link io.multitune.fairness.counterfactual.ValueChangeStatistics}).
     */
    VALUE_CHANGE
}
