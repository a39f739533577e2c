package io.multitune.evaluation.gate;

import io.multitune.evaluation.Arguments;

import java.util.OptionalDouble;

/**
 * The gate's thresholds, mirroring {@code RunRequest.Gates.EvaluationGate} plus an optional unified-score floor.
 *
 * @param minDeltaM       lowest acceptable Δm in percent (default 0)
 * @param maxTaskDrop     largest acceptable drop, in percent of the baseline, of a task significantly worse than its
 *                        baseline (default 2)
 * @param alpha           significance level of the paired tests (default 0.05)
 * @param minUnifiedScore lowest acceptable unified score on [0, 1]; empty = not checked
 */
public record Thresholds(double minDeltaM, double maxTaskDrop, double alpha, OptionalDouble minUnifiedScore) {

    /** Default lowest Δm, percent. */
    public static final double DEFAULT_MIN_DELTA_M = 0.0;
    /** Default largest task drop, percent. */
    public static final double DEFAULT_MAX_TASK_DROP = 2.0;
    /** Default significance level. */
    public static final double DEFAULT_ALPHA = 0.05;

    /** Checks the fields. */
    public Thresholds {
        Arguments.finite(minDeltaM, "minDeltaM");
        Arguments.require(maxTaskDrop >= 0 && Double.isFinite(maxTaskDrop), "maxTaskDrop",
                "must be finite and non-negative, was " + maxTaskDrop);
        Arguments.require(alpha > 0 && alpha < 1, "alpha", "must lie in (0, 1), was " + alpha);
        Arguments.notNull(minUnifiedScore, "minUnifiedScore");
        minUnifiedScore.ifPresent(m -> Arguments.require(m >= 0 && m <= 1, "minUnifiedScore",
                "must lie in [0, 1], was " + m));
    }

    /** Thresholds from the run request's nullable fields, the defaults filling what is null. */
    public static Thresholds of(Double minDeltaM, Double maxTaskDrop, Double alpha, Double minUnifiedScore) {
        return new Thresholds(minDeltaM == null ? DEFAULT_MIN_DELTA_M : minDeltaM,
                maxTaskDrop == null ? DEFAULT_MAX_TASK_DROP : maxTaskDrop,
                alpha == null ? DEFAULT_ALPHA : alpha,
                minUnifiedScore == null ? OptionalDouble.empty() : OptionalDouble.of(minUnifiedScore));
    }

    /** The defaults: Δm ≥ 0, no significant drop above 2 %, α = 0.05, no unified-score floor. */
    public static Thresholds defaults() {
        return of(null, null, null, null);
    }
}
