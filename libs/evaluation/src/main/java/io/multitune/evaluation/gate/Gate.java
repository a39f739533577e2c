package io.multitune.evaluation.gate;

import io.multitune.evaluation.Arguments;
import io.multitune.evaluation.comparison.DeltaM;
import io.multitune.evaluation.comparison.TaskComparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Applies the thresholds to a run's comparison figures. The checks, all made and all reported:
 * <ul>
 *   <li>{@code delta-m}: Δm ≥ minDeltaM (fails when Δm is undefined, no task having a non-zero baseline);</li>
 *   <li>{@code task-drop:<task>} per task: fails when the task shows negative transfer (significantly worse at
 *       α) and its drop exceeds maxTaskDrop percent, or the drop cannot be measured (baseline 0) — a significant
 *       loss of unknown size is not let through;</li>
 *   <li>{@code unified-score}: unified score ≥ minUnifiedScore, when that threshold is set.</li>
 * </ul>
 * A drop within maxTaskDrop passes even when significant: the threshold is the tolerance the requester chose.
 */
public final class Gate {

    private Gate() {
    }

    /** The verdict of the thresholds on the comparisons, Δm and the multi-task model's unified score. */
    public static Verdict evaluate(Thresholds thresholds, List<TaskComparison> comparisons, DeltaM deltaM,
                                   double unifiedScore) {
        Arguments.notNull(thresholds, "thresholds");
        Arguments.notNull(comparisons, "comparisons");
        Arguments.notNull(deltaM, "deltaM");
        Arguments.require(!comparisons.isEmpty(), "comparisons", "must hold at least one task");
        Arguments.require(unifiedScore >= 0 && unifiedScore <= 1, "unifiedScore",
                "must lie in [0, 1], was " + unifiedScore);
        for (TaskComparison c : comparisons) {
            // The significance flags were fixed when the comparison was built; judging them at another α would lie.
            Arguments.require(Math.abs(c.alpha() - thresholds.alpha()) < 1e-12, "comparisons",
                    "task " + c.task() + " was tested at α = " + c.alpha() + " but the gate's α is "
                            + thresholds.alpha());
        }
        List<Check> checks = new ArrayList<>();
        checks.add(deltaMCheck(thresholds, deltaM));
        for (TaskComparison c : comparisons) {
            checks.add(taskDropCheck(thresholds, c));
        }
        thresholds.minUnifiedScore().ifPresent(min -> checks.add(new Check("unified-score", unifiedScore >= min,
                format("unified score %.4f %s minimum %.4f", unifiedScore, unifiedScore >= min ? "≥" : "<", min))));
        return Verdict.of(checks);
    }

    private static Check deltaMCheck(Thresholds thresholds, DeltaM deltaM) {
        if (!deltaM.defined()) {
            return new Check("delta-m", false, "Δm is undefined (every task's baseline metric is 0); minimum "
                    + format("%.2f%%", thresholds.minDeltaM()));
        }
        boolean passed = deltaM.percent() >= thresholds.minDeltaM();
        return new Check("delta-m", passed, format("Δm %+.2f%% %s minimum %+.2f%% over %d task(s)",
                deltaM.percent(), passed ? "≥" : "<", thresholds.minDeltaM(), deltaM.tasks().size()));
    }

    private static Check taskDropCheck(Thresholds thresholds, TaskComparison c) {
        String name = "task-drop:" + c.task();
        String figures = format("task %s %s: MTL %.4f vs STL %.4f, difference %+.4f, %.0f%% CI [%+.4f, %+.4f]%s",
                c.task(), c.metric().metricName(), c.mtl(), c.stl(), c.difference(), (1 - c.alpha()) * 100,
                c.ciLower(), c.ciUpper(),
                c.mcnemar().map(m -> format(", McNemar b=%d c=%d p=%.4f", m.mtlOnlyRight(), m.stlOnlyRight(),
                        m.pValue())).orElse(""));
        if (!c.negativeTransfer()) {
            return new Check(name, true, figures + "; not significantly worse than its baseline");
        }
        if (Double.isNaN(c.dropPercent())) {
            return new Check(name, false, figures + "; significantly worse than its baseline, and the drop cannot be"
                    + " measured in percent because the baseline is 0");
        }
        boolean passed = c.dropPercent() <= thresholds.maxTaskDrop();
        return new Check(name, passed, figures + format("; significantly worse than its baseline by %.2f%%, %s"
                + " the maximum drop %.2f%%", c.dropPercent(), passed ? "within" : "more than",
                thresholds.maxTaskDrop()));
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
