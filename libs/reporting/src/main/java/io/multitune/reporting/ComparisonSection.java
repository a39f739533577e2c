package io.multitune.reporting;

import io.multitune.events.RunEvaluated;
import io.multitune.events.RunEvaluated.TaskOutcome;
import java.util.List;

/**
 * Multi-task against baselines, task by task: the chart for the eye and the table with every figure of the
 * comparison (interval, McNemar's counts and p-value, relative change) for the record.
 */
final class ComparisonSection {

    private ComparisonSection() {
    }

    static void write(Html html, RunContext run) {
        html.open("section", "id", "comparison").element("h2", "Multi-task vs single-task baselines");
        List<TaskOutcome> tasks = run.evaluation().map(RunEvaluated::tasks).map(RunContext::nullSafe)
                .orElse(List.of());
        if (tasks.isEmpty()) {
            html.element("p", "No task comparison is available: the run has not been evaluated.", "class", "note");
            html.close("section").newline();
            return;
        }
        html.element("p", "Bars: each model's primary metric on the task's test split. Right: the difference with "
                + "its paired bootstrap interval; an interval that stays clear of the zero line is a significant "
                + "difference. For a metric where lower is better a negative difference is an improvement.", "class",
                "explain");
        html.open("div", "class", "chart-wrap").raw(MtlVsBaselineChart.render(tasks)).close("div");
        table(tasks).writeTo(html);
        html.close("section").newline();
    }

    private static HtmlTable table(List<TaskOutcome> tasks) {
        HtmlTable table = new HtmlTable("Per-task comparison", "Task", "Metric", "Examples", "Multi-task",
                "Baseline", "Difference", ciHeader(tasks), "McNemar b / c", "p", "Relative change", "Flag")
                .numeric(2, 3, 4, 5, 6, 7, 8, 9);
        for (TaskOutcome t : tasks) {
            Transfer transfer = Transfer.of(t);
            table.rowWithClass(rowClass(transfer), t.taskId(), metric(t), Fmt.count(t.examples()),
                    Fmt.num(t.mtl(), 4), Fmt.num(t.stl(), 4), Fmt.signed(t.difference(), 4),
                    Fmt.interval(t.ciLower(), t.ciUpper(), 4), mcnemarCounts(t.mcnemar()), t.mcnemar() == null
                            ? Fmt.DASH : Fmt.pValue(t.mcnemar().pValue()),
                    Fmt.signedPercent(t.relativeChangePercent(), 2), transfer.label());
        }
        return table;
    }

    /** "95 % CI" when every task shares one alpha, else "CI" (each interval's level is in the chart's tooltip). */
    private static String ciHeader(List<TaskOutcome> tasks) {
        List<Double> alphas = tasks.stream().map(TaskOutcome::alpha).filter(Fmt::finite).distinct().toList();
        return alphas.size() == 1 ? Transfer.ciName(alphas.get(0)) : "CI";
    }

    private static String metric(TaskOutcome t) {
        return t.metric() + (t.higherIsBetter() ? "\u00a0↑" : "\u00a0↓");
    }

    private static String mcnemarCounts(RunEvaluated.McNemar m) {
        return m == null ? Fmt.DASH : Fmt.count(m.mtlOnlyRight()) + " / " + Fmt.count(m.stlOnlyRight());
    }

    private static String rowClass(Transfer transfer) {
        return switch (transfer) {
            case NEGATIVE -> "negative";
            case BETTER -> "positive";
            case NO_BASELINE -> "no-baseline";
            case NO_CHANGE -> null;
        };
    }
}
