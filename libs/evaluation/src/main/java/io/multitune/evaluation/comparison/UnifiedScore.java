package io.multitune.evaluation.comparison;

import io.multitune.evaluation.Arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The unified score: the weighted mean of the tasks' primary metrics, each mapped to [0, 1] with 1 best by
 * {@link io.multitune.evaluation.metrics.MetricKind#toUnitInterval}, so tasks with different metrics can be averaged
 * and the result always lies in [0, 1].
 */
public final class UnifiedScore {

    private UnifiedScore() {
    }

    /** Σ w_i u_i / Σ w_i over the tasks, u_i the mapped primary metric; the weights must not all be 0. */
    public static double of(List<TaskScore> scores) {
        Arguments.notNull(scores, "scores");
        Arguments.require(!scores.isEmpty(), "scores", "must hold at least one task");
        double weighted = 0;
        double weights = 0;
        for (TaskScore s : scores) {
            Arguments.notNull(s, "scores[]");
            weighted += s.weight() * s.metric().toUnitInterval(s.value());
            weights += s.weight();
        }
        Arguments.require(weights > 0, "scores", "the weights sum to 0");
        return weighted / weights;
    }

    /** The multi-task model's unified score from the comparisons; a task missing from {@code weights} weighs 1. */
    public static double ofMtl(List<TaskComparison> comparisons, Map<String, Double> weights) {
        return of(scores(comparisons, weights, true));
    }

    /** The baselines' unified score from the comparisons, for reference next to the multi-task model's. */
    public static double ofBaselines(List<TaskComparison> comparisons, Map<String, Double> weights) {
        return of(scores(comparisons, weights, false));
    }

    private static List<TaskScore> scores(List<TaskComparison> comparisons, Map<String, Double> weights,
                                          boolean mtl) {
        Arguments.notNull(comparisons, "comparisons");
        Arguments.notNull(weights, "weights");
        List<TaskScore> scores = new ArrayList<>(comparisons.size());
        for (TaskComparison c : comparisons) {
            Double w = weights.get(c.task());
            scores.add(new TaskScore(c.task(), c.metric(), mtl ? c.mtl() : c.stl(), w == null ? 1.0 : w));
        }
        return scores;
    }
}
