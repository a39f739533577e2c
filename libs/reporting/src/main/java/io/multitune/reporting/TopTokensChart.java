package io.multitune.reporting;

import io.multitune.events.ModelAudited;
import io.multitune.events.ModelAudited.TokenWeight;
import java.util.List;
import java.util.Objects;

/**
 * What drives the most changed cases: per task a band and, per audited model side by side, horizontal bars of the
 * tokens whose removal (occlusion) changes the prediction most, by mean attribution. An identity term near the top
 * says the model leans on it. One scale per task so the multi-task and baseline bars compare directly.
 */
final class TopTokensChart {

    static final String ID = "chart-top-tokens";
    static final int MAX_TOKENS = 10;
    private static final double WIDTH = 1010;
    private static final double BAND = 26;
    private static final double HEADER = 22;
    private static final double ROW = 19;
    private static final double AXIS = 38;
    private static final double COLUMN = (WIDTH - 24) / 2;

    private TopTokensChart() {
    }

    static String render(BiasContext run) {
        List<String> tasks = run.taskIds();
        double height = 34 + tasks.stream().mapToDouble(t -> height(run, t)).sum() + 8;
        SvgCanvas svg = new SvgCanvas(WIDTH, height, ID, null, "Top tokens by mean occlusion attribution per task "
                + "and model");
        svg.text(12, 20, "Top tokens of the most changed cases, by mean occlusion attribution", "start",
                "chart-title", null);
        double y = 34;
        for (String task : tasks) {
            task(svg, run, task, y);
            y += height(run, task);
        }
        return svg.render();
    }

    static List<TokenWeight> tokens(ModelAudited m, String task) {
        return BiasContext.taskAudit(m, task).map(a -> RunContext.nullSafe(a.topTokens())).orElse(List.of())
                .stream().filter(Objects::nonNull).limit(MAX_TOKENS).toList();
    }

    private static List<ModelAudited> models(BiasContext run, String task) {
        return run.modelsFor(task).stream().filter(m -> !tokens(m, task).isEmpty()).toList();
    }

    private static double height(BiasContext run, String task) {
        List<ModelAudited> models = models(run, task);
        if (models.isEmpty()) {
            return BAND + 6;
        }
        int lines = (models.size() + 1) / 2;
        int rows = models.stream().mapToInt(m -> tokens(m, task).size()).max().orElse(0);
        return BAND + lines * (HEADER + rows * ROW + AXIS) + 6;
    }

    private static void task(SvgCanvas svg, BiasContext run, String task, double y) {
        svg.rect(6, y, WIDTH - 12, BAND, "#eef2f7", null);
        svg.textWithTooltip(12, y + 18, SvgCanvas.cut(task, 30), task, "start", "row-label");
        List<ModelAudited> models = models(run, task);
        if (models.isEmpty()) {
            String note = run.notAudited(task).map(n -> "not audited: " + n.reason())
                    .orElse("no most changed case to explain (no counterfactual change, or no occlusion run)");
            svg.textWithTooltip(250, y + 18, SvgCanvas.cut(note, 110), note, "start", "missing");
            return;
        }
        int rows = models.stream().mapToInt(m -> tokens(m, task).size()).max().orElse(0);
        double lo = 0;
        double hi = 0;
        for (ModelAudited m : models) {
            for (TokenWeight t : tokens(m, task)) {
                if (Double.isFinite(t.meanAttribution())) {
                    lo = Math.min(lo, t.meanAttribution());
                    hi = Math.max(hi, t.meanAttribution());
                }
            }
        }
        double lineHeight = HEADER + rows * ROW + AXIS;
        for (int i = 0; i < models.size(); i++) {
            double x0 = 12 + (i % 2) * (COLUMN + 10);
            double top = y + BAND + (i / 2) * lineHeight;
            Frame frame = new Frame(x0 + 135, top + HEADER, COLUMN - 200, rows * ROW);
            LinearScale x = LinearScale.nice(lo, Math.max(hi * 1.1, 1e-3), frame.left(), frame.right(), 4);
            column(svg, run, task, models.get(i), frame, x);
        }
    }

    private static void column(SvgCanvas svg, BiasContext run, String task, ModelAudited m, Frame f,
                               LinearScale x) {
        svg.text(f.left() - 135, f.top() - 7, run.modelLabel(m), "start", "panel-title", null);
        Axes.bottom(svg, f, x, "mean attribution");
        double x0 = x.map(0);
        svg.line(x0, f.top(), x0, f.bottom(), Palette.AXIS, 1, null);
        List<TokenWeight> tokens = tokens(m, task);
        for (int r = 0; r < tokens.size(); r++) {
            TokenWeight t = tokens.get(r);
            double y = f.top() + r * ROW;
            String tooltip = "“" + t.token() + "”: mean attribution " + Fmt.value(t.meanAttribution()) + " over "
                    + Fmt.count(t.occurrences()) + " occurrence" + (t.occurrences() == 1 ? "" : "s");
            svg.textWithTooltip(f.left() - 6, y + 13, SvgCanvas.cut(t.token(), 20), tooltip, "end", "label");
            if (!Double.isFinite(t.meanAttribution())) {
                svg.text(x0 + 4, y + 13, Fmt.DASH, "start", "small", null);
                continue;
            }
            double x1 = x.mapClamped(t.meanAttribution());
            svg.rect(Math.min(x0, x1), y + 3, Math.max(1, Math.abs(x1 - x0)), ROW - 6, run.modelColour(m), tooltip);
            svg.text(Math.max(x0, x1) + 4, y + 13, Fmt.num(t.meanAttribution(), 3) + " (n=" + t.occurrences() + ")",
                    "start", "bar-value", null);
        }
    }
}
