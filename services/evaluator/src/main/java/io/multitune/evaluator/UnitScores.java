package io.multitune.evaluator;

import io.multitune.evaluation.metrics.MetricKind;

import java.util.List;

/**
 * Unified scores where a primary metric may be undefined (a correlation of constant predictions is NaN): such a
 * task counts as 0 on [0, 1], the worst, instead of making the whole score undefined.
 */
final class UnitScores {
    private UnitScores() {
    }

    /** One task's value on [0, 1] and its weight. */
    record Weighted(double unit, double weight) {
    }

    static double unit(MetricKind metric, double value) {
        return Double.isFinite(value) ? metric.toUnitInterval(value) : 0;
    }

    /** Σ w u / Σ w; NaN when the weights sum to 0. */
    static double unified(List<Weighted> tasks) {
        double weighted = 0;
        double weights = 0;
        for (Weighted t : tasks) {
            weighted += t.weight() * t.unit();
            weights += t.weight();
        }
        return weights > 0 ? weighted / weights : Double.NaN;
    }
}
