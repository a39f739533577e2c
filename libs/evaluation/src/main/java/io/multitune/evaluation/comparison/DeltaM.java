package io.multitune.evaluation.comparison;

import io.multitune.evaluation.Arguments;

import java.util.ArrayList;
import java.util.List;

/**
 * Δm (Maninis et al. 2019; Vandenhende et al. 2021): (1/T) Σ_i (−1)^{l_i} (M_MTL,i − M_STL,i)/M_STL,i × 100 %,
 * l_i = 1 where lower is better; positive means the multi-task model is better on average.
 *
 * <p>Two conventions: the denominator is |M_STL,i| (the same for every metric that cannot be negative; for a
 * negative baseline correlation it keeps "positive = better"); a task whose baseline metric is 0 has no relative
 * change and is left out of the mean, with a note, T counting only the tasks kept.
 *
 * @param percent Δm in percent; NaN when no task could be counted
 * @param tasks   the tasks the mean was taken over
 * @param notes   why tasks were left out
 */
public record DeltaM(double percent, List<String> tasks, List<String> notes) {

    /** Copies the lists. */
    public DeltaM {
        tasks = List.copyOf(tasks);
        notes = List.copyOf(notes);
    }

    /** Δm over the primary metrics of the given comparisons. */
    public static DeltaM of(List<TaskComparison> comparisons) {
        Arguments.notNull(comparisons, "comparisons");
        Arguments.require(!comparisons.isEmpty(), "comparisons", "must hold at least one task");
        List<String> kept = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        double sum = 0;
        for (TaskComparison c : comparisons) {
            if (Double.isNaN(c.relativeChangePercent())) {
                notes.add("task " + c.task() + " left out of Δm: its baseline " + c.metric().metricName()
                        + " is 0, so no relative change exists");
                continue;
            }
            kept.add(c.task());
            sum += c.relativeChangePercent();
        }
        return new DeltaM(kept.isEmpty() ? Double.NaN : sum / kept.size(), kept, notes);
    }

    /** Whether Δm could be computed (at least one task with a non-zero baseline). */
    public boolean defined() {
        return !Double.isNaN(percent);
    }
}
