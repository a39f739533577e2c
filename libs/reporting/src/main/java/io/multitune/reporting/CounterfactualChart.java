package io.multitune.reporting;

import io.multitune.events.ModelAudited;
import io.multitune.events.ModelAudited.Counterfactual;
import io.multitune.events.ModelAudited.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Counterfactual invariance at a glance: per task a band, per flip rate a row holding each audited model's estimate
 * with its bootstrap interval (multi-task blue, baseline orange) and the gate's maximum flip rate as a dashed line,
 * the figures written beside. Tasks with nothing to plot (not audited, no counterfactual pair, a regression task
 * whose change has no flip) keep their band with the reason.
 */
final class CounterfactualChart {

    static final String ID = "chart-counterfactual-flips";
    static final List<String> FLIP_METRICS = List.of("counterfactual-flip-rate", "counterfactual-token-flip-rate");
    private static final double WIDTH = 1010;
    private static final double BAND = 26;
    private static final double LINE = 17;
    private static final double LABEL_LEFT = 24;
    private static final double PLOT_LEFT = 215;
    private static final double PLOT_RIGHT = 650;
    private static final double TEXT_LEFT = 668;

    /** One plotted row: a flip metric of a task, with the models that measured it. */
    private record Row(String metric, List<ModelAudited> models) {
        double height() {
            return Math.max(36, 12 + models.size() * LINE);
        }
    }

    private CounterfactualChart() {
    }

    static String render(BiasContext run) {
        List<String> tasks = run.taskIds();
        double limit = run.thresholds().maxFlipRate();
        List<Legend.Entry> legend = List.of(Legend.Entry.swatch("multi-task", Palette.MTL),
                Legend.Entry.swatch("baseline", Palette.STL), Legend.Entry.line("95 % bootstrap interval",
                        Palette.NEUTRAL, null), Legend.Entry.line("gate: maximum flip rate", Palette.NEGATIVE, "5 4"));
        double top = 44 + Legend.height(12, WIDTH - 12, legend) + 34;
        double height = top + tasks.stream().mapToDouble(t -> BAND + rows(run, t).stream()
                .mapToDouble(Row::height).sum()).sum() + 48;
        SvgCanvas svg = new SvgCanvas(WIDTH, height, ID, null, "Counterfactual flip rates per task: multi-task "
                + "against each baseline, with confidence intervals");
        svg.text(12, 20, "Counterfactual flip rate per task: share of pairs whose prediction changes when identity "
                + "terms are swapped", "start", "chart-title", null);
        Legend.draw(svg, 12, 44, WIDTH - 12, legend);
        Frame frame = new Frame(PLOT_LEFT, top, PLOT_RIGHT - PLOT_LEFT, height - top - 48);
        LinearScale x = scale(run, tasks, limit, frame);
        Axes.bottom(svg, frame, x, "flip rate");
        Whiskers.limit(svg, x, frame, limit, "gate max " + Fmt.plain(limit));
        double y = top;
        for (String task : tasks) {
            band(svg, run, task, y);
            y += BAND;
            for (Row row : rows(run, task)) {
                row(svg, run, task, row, y, x);
                y += row.height();
            }
        }
        return svg.render();
    }

    private static List<Row> rows(BiasContext run, String task) {
        List<Row> rows = new ArrayList<>();
        for (String metric : FLIP_METRICS) {
            List<ModelAudited> models = run.modelsFor(task).stream().filter(m -> estimate(m, task, metric) != null)
                    .toList();
            if (!models.isEmpty()) {
                rows.add(new Row(metric, models));
            }
        }
        return rows;
    }

    static Counterfactual counterfactual(ModelAudited m, String task) {
        return BiasContext.taskAudit(m, task).map(ModelAudited.TaskAudit::counterfactual).orElse(null);
    }

    static Estimate estimate(ModelAudited m, String task, String metric) {
        Counterfactual c = counterfactual(m, task);
        Map<String, Estimate> figures = c == null ? null : c.figures();
        return figures == null ? null : figures.get(metric);
    }

    /** A task's band, drawn over the grid lines so that it reads as the heading of the task's rows. */
    private static void band(SvgCanvas svg, BiasContext run, String task, double y) {
        svg.rect(6, y, WIDTH - 12, BAND, "#eef2f7", null);
        svg.textWithTooltip(12, y + 18, SvgCanvas.cut(task, 30), task, "start", "row-label");
        Optional<Counterfactual> first = run.modelsFor(task).stream().map(m -> counterfactual(m, task))
                .filter(Objects::nonNull).findFirst();
        String note;
        if (run.notAudited(task).isPresent()) {
            note = "not audited: " + run.notAudited(task).get().reason();
        } else if (first.isEmpty()) {
            note = run.modelsFor(task).isEmpty() ? "no audited model covers this task"
                    : "no counterfactual pair: no test input mentions a listed term and no template applies";
        } else if (rows(run, task).isEmpty()) {
            note = "regression: no class to flip; the value changes are in the table below";
        } else {
            Counterfactual c = first.get();
            svg.text(PLOT_LEFT, y + 18, kind(c.kind()) + " · " + Fmt.count(c.sources()) + " sources, "
                    + Fmt.count(c.pairs()) + " pairs (multi-task model)", "start", "small", null);
            return;
        }
        svg.textWithTooltip(PLOT_LEFT, y + 18, SvgCanvas.cut(note, 120), note, "start", "missing");
    }

    static String kind(String kind) {
        if (kind == null) {
            return Fmt.DASH;
        }
        return switch (kind) {
            case "LABEL_FLIPS" -> "label flips";
            case "TAG_FLIPS" -> "tag flips";
            case "VALUE_CHANGE" -> "value change";
            default -> kind;
        };
    }

    private static void row(SvgCanvas svg, BiasContext run, String task, Row row, double top, LinearScale x) {
        svg.text(LABEL_LEFT, top + 18, BiasContext.metricLabel(row.metric()), "start", "label", null);
        double y = top + 6 + LINE / 2;
        boolean oneBaseline = row.models().stream().filter(m -> !run.isMtl(m)).count() <= 1;
        for (ModelAudited m : row.models()) {
            Estimate e = estimate(m, task, row.metric());
            String colour = run.modelColour(m);
            String figures = Fmt.num(e.value(), 4) + " " + Fmt.bounds(e.ciLower(), e.ciUpper(), 4);
            Whiskers.draw(svg, x, y, e.value(), e.ciLower(), e.ciUpper(), colour, false, task + " · "
                    + row.metric() + " · " + run.modelLabel(m) + ": " + figures);
            String name = run.isMtl(m) ? "multi-task" : oneBaseline ? "baseline" : SvgCanvas.cut(run.modelLabel(m), 30);
            svg.text(TEXT_LEFT, y + 4, name + "  " + figures, "start", "bar-value",
                    colour.equals(Palette.STL) ? "#9a5b00" : colour);
            y += LINE;
        }
    }

    private static LinearScale scale(BiasContext run, List<String> tasks, double limit, Frame f) {
        double hi = limit * 1.2;
        for (String task : tasks) {
            for (Row row : rows(run, task)) {
                for (ModelAudited m : row.models()) {
                    Estimate e = estimate(m, task, row.metric());
                    for (Double v : new Double[] {e.value(), e.ciUpper()}) {
                        if (Fmt.finite(v)) {
                            hi = Math.max(hi, v * 1.1);
                        }
                    }
                }
            }
        }
        return LinearScale.nice(0, Math.min(Math.max(hi, 0.01), 1), f.left(), f.right(), 5);
    }
}
