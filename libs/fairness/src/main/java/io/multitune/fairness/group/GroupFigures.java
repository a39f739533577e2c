package io.multitune.fairness.group;

import io.multitune.evaluation.stats.BootstrapResult;

import java.util.List;

/**
 * One group's figures.
 *
 * @param group             the attribute's value
 * @param n                 examples of the group
 * @param inDifferences     whether the group is large enough to enter the differences
 * @param accuracy          share of right predictions
 * @param accuracyInterval  its 95 % bootstrap interval (resampled within gold class)
 * @param macroF1           macro-F1 (the evaluation library's convention: classes with neither support nor
 *                          prediction in the group are left out)
 * @param macroF1Interval   its interval
 * @param rates             selection rate, TPR and FPR of each evaluated class
 */
public record GroupFigures(String group, int n, boolean inDifferences, double accuracy,
                           BootstrapResult accuracyInterval, double macroF1, BootstrapResult macroF1Interval,
                           List<ClassRates> rates) {

    /** Copies the rates. */
    public GroupFigures {
        rates = List.copyOf(rates);
    }
}
