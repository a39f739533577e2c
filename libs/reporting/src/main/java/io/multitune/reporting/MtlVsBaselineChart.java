package io.multitune.reporting;

import io.multitune.events.RunEvaluated.TaskOutcome;
import java.util.List;
import java.util.stream.Stream;

/**
 * The run's main chart, one row per task: on the left the multi-task and baseline values of the primary metric as
 * paired bars; on the right the difference (multi-task − baseline) with its bootstrap interval as whiskers around a
 * zero line (a forest plot); then the verdict on the task. Rows rather than columns, so ten tasks or more stay legible.
 */
final class MtlVsBaselineChart {

    static final String ID = "chart-mtl-vs-baseline";
    private static final double WIDTH = 1010;
    private static final double ROW = 50;
    private static final double TOP = 92;
    private static final double LABEL_LEFT = 12;
    private static final double BARS_LEFT = 205;
    private static final double BARS_RIGHT = 530;
    private static final double DIFF_LEFT = 600;
    private static final double DIFF_RIGHT = 820;
    private static final double STATUS_LEFT = 838;

    private MtlVsBaselineChart() {
    }

    static String render(List<TaskOutcome> tasks) {
        double height = TOP + tasks.size() * ROW + 52;
        SvgCanvas svg = new SvgCanvas(WIDTH, height, ID, null,
                "Per task: multi-task against baseline, and their difference with its confidence interval");
        svg.text(12, 20, "Primary metric per task: multi-task vs single-task baseline", "start", "chart-title", null);
        Legend.draw(svg, 12, 44, WIDTH - 12, List.of(Legend.Entry.swatch("multi-task", Palette.MTL),
                Legend.Entry.swatch("baseline", Palette.STL), Legend.Entry.line("difference with CI", Palette.NEUTRAL,
                        null), Legend.Entry.swatch("negative transfer", Palette.NEGATIVE),
                Legend.Entry.swatch("significantly better", Palette.POSITIVE)));
        Frame bars = new Frame(BARS_LEFT, TOP, BARS_RIGHT - BARS_LEFT, tasks.size() * ROW);
        Frame diffs = new Frame(DIFF_LEFT, TOP, DIFF_RIGHT - DIFF_LEFT, tasks.size() * ROW);
        LinearScale value = valueScale(tasks, bars);
        LinearScale diff = differenceScale(tasks, diffs);
        for (int i = 0; i < tasks.size(); i++) {
            if (i % 2 == 0) {
                svg.rect(6, TOP + i * ROW, WIDTH - 12, ROW, "#f8fafc", null);
            }
        }
        svg.text(BARS_LEFT, TOP - 8, "primary metric", "start", "panel-title", null);
        svg.text(DIFF_LEFT, TOP - 8, "difference (MTL − baseline)", "start", "panel-title", null);
        svg.text(STATUS_LEFT, TOP - 8, "verdict", "start", "panel-title", null);
        Axes.bottom(svg, bars, value, "value");
        Axes.bottom(svg, diffs, diff, "difference");
        svg.line(diff.map(0), TOP, diff.map(0), TOP + tasks.size() * ROW, Palette.AXIS, 1.5, null);
        for (int i = 0; i < tasks.size(); i++) {
            row(svg, tasks.get(i), TOP + i * ROW, value, diff);
        }
        return svg.render();
    }

    private static void row(SvgCanvas svg, TaskOutcome t, double top, LinearScale value, LinearScale diff) {
        Transfer transfer = Transfer.of(t);
        svg.textWithTooltip(LABEL_LEFT, top + 21, SvgCanvas.cut(t.taskId(), 24), t.taskId(), "start",
                "row-label");
        svg.text(LABEL_LEFT, top + 37, SvgCanvas.cut(t.metric(), 28), "start", "small", null);
        bar(svg, value, top + 8, t.mtl(), Palette.MTL, t.taskId() + " · multi-task " + t.metric());
        if (transfer == Transfer.NO_BASELINE) {
            svg.text(value.map(0) + 4, top + 36, "no baseline", "start", "missing", null);
        } else {
            bar(svg, value, top + 26, t.stl(), Palette.STL, t.taskId() + " · baseline " + t.metric());
            difference(svg, t, transfer, top + ROW / 2, diff);
        }
        svg.text(STATUS_LEFT, top + ROW / 2 + 4, transfer.label(), "start", "status", transfer.colour());
    }

    private static void bar(SvgCanvas svg, LinearScale x, double y, double v, String colour, String what) {
        if (!Double.isFinite(v)) {
            svg.text(x.map(0) + 4, y + 11, Fmt.DASH, "start", "small", null);
            return;
        }
        double x0 = x.map(0);
        double x1 = x.mapClamped(v);
        svg.rect(Math.min(x0, x1), y, Math.abs(x1 - x0), 16, colour, what + ": " + Fmt.value(v));
        svg.text(Math.max(x0, x1) + 4, y + 12, Fmt.num(v, 3), "start", "bar-value", null);
    }

    private static void difference(SvgCanvas svg, TaskOutcome t, Transfer transfer, double cy, LinearScale x) {
        if (!Fmt.finite(t.difference())) {
            return;
        }
        String colour = transfer.colour();
        String tooltip = t.taskId() + ": difference " + Fmt.signed(t.difference(), 4) + ", "
                + Transfer.ciName(t.alpha()) + " " + Fmt.interval(t.ciLower(), t.ciUpper(), 4) + " (" + transfer.label()
                + ")";
        if (Fmt.finite(t.ciLower()) && Fmt.finite(t.ciUpper())) {
            double lo = x.mapClamped(t.ciLower());
            double hi = x.mapClamped(t.ciUpper());
            svg.line(lo, cy, hi, cy, colour, 2, null);
            svg.line(lo, cy - 6, lo, cy + 6, colour, 2, null);
            svg.line(hi, cy - 6, hi, cy + 6, colour, 2, null);
        }
        svg.circle(x.mapClamped(t.difference()), cy, 5.5, colour, tooltip);
    }

    private static LinearScale valueScale(List<TaskOutcome> tasks, Frame f) {
        double lo = Math.min(0, values(tasks).min().orElse(0));
        double hi = Math.max(0, values(tasks).max().orElse(1));
        if (lo >= -1 && hi <= 1 && hi > 0) {
            hi = 1;
        }
        return LinearScale.nice(lo, hi, f.left(), f.right(), 5);
    }

    private static java.util.stream.DoubleStream values(List<TaskOutcome> tasks) {
        return tasks.stream().flatMap(t -> Stream.of(t.mtl(), t.stl())).filter(Fmt::finite)
                .mapToDouble(Double::doubleValue);
    }

    private static LinearScale differenceScale(List<TaskOutcome> tasks, Frame f) {
        double m = tasks.stream().flatMap(t -> Stream.of(t.difference(), t.ciLower(), t.ciUpper()))
                .filter(Fmt::finite).mapToDouble(v -> Math.abs(v)).max().orElse(0);
        m = Math.max(m * 1.1, 0.01);
        return LinearScale.nice(-m, m, f.left(), f.right(), 4);
    }
}
