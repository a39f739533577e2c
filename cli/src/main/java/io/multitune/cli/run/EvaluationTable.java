package io.multitune.cli.run;

import io.multitune.cli.common.TextTable;
import io.multitune.events.RunEvaluated;
import io.multitune.events.RunEvaluated.TaskOutcome;

import java.util.List;
import java.util.Locale;

/**
 * A run's evaluation as text: per task the multi-task model against its baseline (difference, confidence interval,
 * McNemar, whether it is significant), then the unified scores, Δm, the gate's verdict with its reasons, and where
 * the report is.
 */
public final class EvaluationTable {
    private EvaluationTable() {
    }

    public static String render(RunEvaluated e) {
        StringBuilder out = new StringBuilder(taskTable(e.tasks()));
        out.append(scores(e.unifiedScore(), e.baselineUnifiedScore(), e.deltaMPercent()));
        if (!e.missingBaselines().isEmpty()) {
            out.append("judged without a baseline: ").append(String.join(", ", e.missingBaselines())).append('\n');
        }
        out.append("verdict: ").append(e.verdict().pass() ? "PASS" : "FAIL").append('\n');
        e.verdict().reasons().forEach(r -> out.append("  - ").append(r).append('\n'));
        return out.toString();
    }

    /** Per task, the multi-task model against its baseline: difference, interval, McNemar, significance. */
    static String taskTable(List<TaskOutcome> tasks) {
        TextTable table = new TextTable(
                new String[]{"task", "metric", "multi-task", "baseline", "difference", "95% CI", "McNemar p",
                        "significance"},
                new boolean[]{false, false, true, true, true, false, true, false});
        for (TaskOutcome t : tasks) {
            table.row(t.taskId(), t.metric(), f4(t.mtl()), f4(t.stl()), t.difference() == null ? null
                            : String.format(Locale.ROOT, "%+.4f", t.difference()), ci(t),
                    t.mcnemar() == null ? null : String.format(Locale.ROOT, "%.4f", t.mcnemar().pValue()),
                    significance(t));
        }
        return table.render();
    }

    /** The unified scores and Δm, two lines. */
    static String scores(double unifiedScore, Double baselineUnifiedScore, Double deltaMPercent) {
        return String.format(Locale.ROOT, "unified score: multi-task %.4f, baselines %s%n", unifiedScore,
                baselineUnifiedScore == null ? "-" : f4(baselineUnifiedScore))
                + "Δm: " + (deltaMPercent == null ? "undefined (no task has a usable baseline)"
                : String.format(Locale.ROOT, "%+.2f%% (mean relative change against the baselines; positive = "
                + "multi-task better)", deltaMPercent)) + "\n";
    }

    private static String significance(TaskOutcome t) {
        if (t.stl() == null) {
            return "no baseline";
        }
        if (t.negativeTransfer()) {
            return "worse (negative transfer)";
        }
        boolean better = t.higherIsBetter() ? t.ciLower() > 0 : t.ciUpper() < 0;
        return better ? "better" : "not significant";
    }

    private static String ci(TaskOutcome t) {
        return t.ciLower() == null ? null
                : String.format(Locale.ROOT, "[%+.4f, %+.4f]", t.ciLower(), t.ciUpper());
    }

    private static String f4(Double v) {
        return v == null ? null : String.format(Locale.ROOT, "%.4f", v);
    }
}
