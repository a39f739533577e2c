package io.multitune.reporting;

import io.multitune.events.ModelAudited.NotAudited;
import io.multitune.events.RunAudited.TransferRow;
import java.util.List;
import java.util.Optional;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;

/**
 * The bias report's main chart, a band per task and a row per bias figure (and attribute): on the left the
 * multi-task and baseline values as paired bars; in the middle the difference (multi-task − baseline) with its
 * bootstrap interval around a zero line and the gate's limit as a dashed line; on the right what the row says.
 * Red is bias spread (interval above 0), green bias reduced (below 0), grey no significant change; a hollow dot is a
 * figure the gate reports but does not judge. A task that was not audited keeps its band with the reason, so it is
 * never missing from the picture.
 */
final class BiasTransferChart {

    static final String ID = "chart-bias-transfer";
    private static final double WIDTH = 1010;
    private static final double BAND = 26;
    private static final double ROW = 40;
    private static final double LABEL_LEFT = 12;
    private static final double BARS_LEFT = 235;
    private static final double BARS_RIGHT = 470;
    private static final double DIFF_LEFT = 540;
    private static final double DIFF_RIGHT = 790;
    private static final double STATUS_LEFT = 808;

    private BiasTransferChart() {
    }

    static String render(BiasContext run) {
        List<String> tasks = run.taskIds();
        double limit = run.thresholds().maxIncrease();
        List<Legend.Entry> legend = List.of(Legend.Entry.swatch("multi-task", Palette.MTL),
                Legend.Entry.swatch("baseline", Palette.STL), Legend.Entry.swatch("bias spread (CI above 0)",
                        Palette.NEGATIVE), Legend.Entry.swatch("bias reduced (CI below 0)", Palette.POSITIVE),
                Legend.Entry.swatch("no significant change", Palette.NEUTRAL),
                Legend.Entry.line("gate limit", Palette.NEGATIVE, "5 4"));
        double legendHeight = Legend.height(12, WIDTH - 12, legend);
        double top = 44 + legendHeight + 52;
        double height = top + tasks.stream().mapToDouble(t -> BAND + rows(run, t).size() * ROW).sum() + 48;
        SvgCanvas svg = new SvgCanvas(WIDTH, height, ID, null, "Bias transfer: per task and bias figure, multi-task "
                + "against baseline and their difference with its confidence interval");
        svg.text(12, 20, "Bias transfer: multi-task vs single-task baseline per task and bias figure (higher = more "
                + "biased)", "start", "chart-title", null);
        Legend.draw(svg, 12, 44, WIDTH - 12, legend);
        svg.text(12, 44 + legendHeight + 6, "Filled dot: gated (the gate's maximum increase over the baseline, "
                + Fmt.signed(limit, 3) + ", applies); hollow dot: reported, not gated.", "start", "small", null);
        Frame bars = new Frame(BARS_LEFT, top, BARS_RIGHT - BARS_LEFT, height - top - 48);
        Frame diffs = new Frame(DIFF_LEFT, top, DIFF_RIGHT - DIFF_LEFT, bars.height());
        List<TransferRow> all = tasks.stream().flatMap(t -> rows(run, t).stream()).toList();
        LinearScale value = valueScale(all, bars);
        LinearScale diff = differenceScale(all, limit, diffs);
        svg.text(BARS_LEFT, top - 26, "bias figure", "start", "panel-title", null);
        svg.text(DIFF_LEFT, top - 26, "difference (MTL − baseline)", "start", "panel-title", null);
        svg.text(STATUS_LEFT, top - 26, "reading", "start", "panel-title", null);
        Axes.bottom(svg, bars, value, "value");
        Axes.bottom(svg, diffs, diff, "← bias reduced · difference · bias spread →");
        svg.line(diff.map(0), top, diff.map(0), bars.bottom(), Palette.AXIS, 1.5, null);
        Whiskers.limit(svg, diff, diffs, limit, "limit " + Fmt.signed(limit, 3));
        double y = top;
        for (String task : tasks) {
            band(svg, run, task, y);
            y += BAND;
            for (TransferRow r : rows(run, task)) {
                row(svg, r, y, value, diff, limit);
                y += ROW;
            }
        }
        return svg.render();
    }

    private static List<TransferRow> rows(BiasContext run, String task) {
        return run.transfer(task);
    }

    /** A task's band, drawn over the grid lines so that it reads as the heading of the task's rows. */
    private static void band(SvgCanvas svg, BiasContext run, String task, double y) {
        svg.rect(6, y, WIDTH - 12, BAND, "#eef2f7", null);
        svg.textWithTooltip(LABEL_LEFT, y + 18, SvgCanvas.cut(task, 30), task, "start", "row-label");
        Optional<NotAudited> notAudited = run.notAudited(task);
        String note = null;
        if (notAudited.isPresent()) {
            note = "not audited: " + notAudited.get().reason();
        } else if (run.missingBaselines().contains(task)) {
            note = "no baseline: nothing says whether multi-task training spread bias to this task";
        } else if (run.transfer(task).isEmpty()) {
            note = "no bias figure to compare";
        }
        if (note != null) {
            svg.textWithTooltip(BARS_LEFT, y + 18, SvgCanvas.cut(note, 120), note, "start", "missing");
        }
    }

    private static void row(SvgCanvas svg, TransferRow r, double top, LinearScale value, LinearScale diff,
                            double limit) {
        BiasShift shift = BiasShift.of(r);
        String name = BiasContext.metricLabel(r.metric()) + (r.attribute() == null ? "" : " · " + r.attribute());
        svg.textWithTooltip(LABEL_LEFT + 12, top + 17, SvgCanvas.cut(name, 29), name, "start", "label");
        svg.text(LABEL_LEFT + 12, top + 32, SvgCanvas.cut(r.metric(), 34), "start", "small", null);
        bar(svg, value, top + 6, r.multiTask(), Palette.MTL, r.taskId() + " · " + name + " · multi-task");
        if (Fmt.finite(r.baseline())) {
            bar(svg, value, top + 21, r.baseline(), Palette.STL, r.taskId() + " · " + name + " · baseline");
        } else {
            svg.text(value.map(0) + 4, top + 31, "no baseline", "start", "missing", null);
        }
        String tooltip = r.taskId() + " · " + name + ": multi-task " + Fmt.num(r.multiTask(), 4) + " vs baseline "
                + Fmt.num(r.baseline(), 4) + ", difference " + Fmt.signed(r.difference(), 4) + ", 95 % CI "
                + Fmt.interval(r.ciLower(), r.ciUpper(), 4) + (Boolean.TRUE.equals(r.paired()) ? " (paired)" : "")
                + " — " + shift.label() + "; " + BiasShift.gateText(r, limit);
        if (Fmt.finite(r.baseline())) {
            Whiskers.draw(svg, diff, top + ROW / 2, r.difference(), r.ciLower(), r.ciUpper(), shift.colour(),
                    !r.gated(), tooltip);
        }
        svg.text(STATUS_LEFT, top + 17, shift.label(), "start", "status", shift.colour());
        boolean above = BiasShift.aboveLimit(r, limit);
        svg.text(STATUS_LEFT, top + 32, BiasShift.gateText(r, limit), "start", "small",
                above ? Palette.NEGATIVE : null);
    }

    private static void bar(SvgCanvas svg, LinearScale x, double y, Double v, String colour, String what) {
        if (!Fmt.finite(v)) {
            svg.text(x.map(0) + 4, y + 10, Fmt.DASH, "start", "small", null);
            return;
        }
        double x0 = x.map(0);
        double x1 = x.mapClamped(v);
        svg.rect(Math.min(x0, x1), y, Math.max(1, Math.abs(x1 - x0)), 12, colour, what + ": " + Fmt.value(v));
        svg.text(Math.max(x0, x1) + 4, y + 10, Fmt.num(v, 3), "start", "bar-value", null);
    }

    private static LinearScale valueScale(List<TransferRow> rows, Frame f) {
        double hi = rows.stream().flatMap(r -> Stream.of(r.multiTask(), r.baseline())).filter(Fmt::finite)
                .mapToDouble(Double::doubleValue).max().orElse(0);
        double lo = Math.min(0, rows.stream().flatMap(r -> Stream.of(r.multiTask(), r.baseline()))
                .filter(Fmt::finite).mapToDouble(Double::doubleValue).min().orElse(0));
        double upper = hi <= 1 ? Math.min(1, hi * 1.15) : hi * 1.15;
        return LinearScale.nice(lo, Math.max(upper, 0.05), f.left(), f.right(), 4);
    }

    private static LinearScale differenceScale(List<TransferRow> rows, double limit, Frame f) {
        double m = rows.stream().filter(r -> Fmt.finite(r.baseline()))
                .flatMap(r -> Stream.of(r.difference(), r.ciLower(), r.ciUpper())).filter(Fmt::finite)
                .mapToDouble(Math::abs).max().orElse(0);
        m = DoubleStream.of(m * 1.1, Math.abs(limit) * 1.25, 0.01).max().getAsDouble();
        return LinearScale.nice(-m, m, f.left(), f.right(), 4);
    }
}
