package io.multitune.fairness.counterfactual;

import io.multitune.fairness.CounterfactualKind;

/** The counterfactual figures of one task and model, whatever the task type. */
public sealed interface CounterfactualFigures permits FlipStatistics, TagFlipStatistics, ValueChangeStatistics {

    /** What is measured. */
    CounterfactualKind kind();

    /** Number of (source, counterfactual) pairs measured. */
    int pairs();

    /** Number of distinct sources. */
    int sources();

    /** The figures in one line, with their intervals, for checks and logs. */
    String summary();
}
