package io.multitune.reporting;

import io.multitune.events.RunAudited.Representation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How the training data mentions each side of a term category: one row per task, split and category, a 100 %
 * stacked bar of the mentions per term column (for gender: masculine, feminine) with the counts, and a dashed line
 * where the columns would be equally mentioned. A skew in the training split is a likely source of bias that the
 * multi-task model may carry to the other tasks.
 */
final class RepresentationChart {

    static final String ID = "chart-representation";
    private static final double WIDTH = 1010;
    private static final double ROW = 36;
    private static final double BAR_LEFT = 235;
    private static final double BAR_RIGHT = 790;
    private static final double TEXT_LEFT = 805;
    private static final List<String> COLOURS = List.of("#4e79a7", "#e15759", "#59a14f", "#b07aa1", "#edc948",
            "#76b7b2");

    private RepresentationChart() {
    }

    /** A column's name: gender's are masculine and feminine; other categories number theirs. */
    static String column(String category, int i) {
        if ("gender".equals(category) && i < 2) {
            return i == 0 ? "masculine" : "feminine";
        }
        return "column " + (i + 1);
    }

    static String colour(int i) {
        return COLOURS.get(Math.floorMod(i, COLOURS.size()));
    }

    static String render(List<Representation> rows) {
        List<Legend.Entry> legend = legend(rows);
        double top = 44 + Legend.height(12, WIDTH - 12, legend) + 26;
        double height = top + rows.size() * ROW + 44;
        SvgCanvas svg = new SvgCanvas(WIDTH, height, ID, null, "Mentions of identity terms per task, split and "
                + "category, by term column");
        svg.text(12, 20, "Representation in the data: share of term mentions per column", "start", "chart-title",
                null);
        Legend.draw(svg, 12, 44, WIDTH - 12, legend);
        Frame f = new Frame(BAR_LEFT, top, BAR_RIGHT - BAR_LEFT, rows.size() * ROW);
        LinearScale x = LinearScale.nice(0, 1, f.left(), f.right(), 4);
        svg.text(BAR_LEFT, top - 10, "share of mentions", "start", "panel-title", null);
        svg.text(TEXT_LEFT, top - 10, "mentions · examples", "start", "panel-title", null);
        for (int i = 0; i < rows.size(); i++) {
            if (i % 2 == 0) {
                svg.rect(6, top + i * ROW, WIDTH - 12, ROW, "#f8fafc", null);
            }
        }
        Axes.bottom(svg, f, x, "share");
        for (int i = 0; i < rows.size(); i++) {
            row(svg, rows.get(i), top + i * ROW, x);
        }
        return svg.render();
    }

    private static List<Legend.Entry> legend(List<Representation> rows) {
        Set<String> names = new LinkedHashSet<>();
        List<Legend.Entry> entries = new ArrayList<>();
        for (Representation r : rows) {
            for (int i = 0; i < RunContext.nullSafe(r.mentionsByColumn()).size(); i++) {
                String name = column(r.category(), i);
                if (names.add(name)) {
                    entries.add(Legend.Entry.swatch(name, colour(i)));
                }
            }
        }
        entries.add(Legend.Entry.line("equal mentions", Palette.AXIS, "4 3"));
        return entries;
    }

    private static void row(SvgCanvas svg, Representation r, double top, LinearScale x) {
        String label = r.taskId() + " · " + r.split();
        svg.textWithTooltip(12, top + 16, SvgCanvas.cut(label, 32), label, "start", "row-label");
        svg.text(12, top + 30, r.category(), "start", "small", null);
        List<Long> mentions = RunContext.nullSafe(r.mentionsByColumn());
        long total = mentions.stream().mapToLong(m -> m == null ? 0 : m).sum();
        svg.text(TEXT_LEFT, top + 22, Fmt.count(total) + " mentions · " + Fmt.count(r.examples()) + " examples",
                "start", "small", null);
        if (total == 0) {
            svg.text(x.map(0) + 4, top + 22, "no term of this category is mentioned", "start", "missing", null);
            return;
        }
        double start = 0;
        for (int i = 0; i < mentions.size(); i++) {
            long n = mentions.get(i) == null ? 0 : mentions.get(i);
            double share = (double) n / total;
            double x0 = x.map(start);
            double x1 = x.map(start + share);
            String name = column(r.category(), i);
            svg.rect(x0, top + 7, x1 - x0, ROW - 14, colour(i), label + " · " + r.category() + " · " + name + ": "
                    + Fmt.count(n) + " mentions (" + Fmt.percent(share * 100, 1) + ")");
            String text = name + " " + Fmt.percent(share * 100, 0);
            if (x1 - x0 > text.length() * 6.5 + 10) {
                svg.text((x0 + x1) / 2, top + 22, text, "middle", "bar-value", "#ffffff");
            } else if (x1 - x0 > 44) {
                svg.text((x0 + x1) / 2, top + 22, Fmt.percent(share * 100, 0), "middle", "bar-value", "#ffffff");
            }
            start += share;
        }
        if (mentions.size() > 1) {
            for (int i = 1; i < mentions.size(); i++) {
                double px = x.map((double) i / mentions.size());
                svg.line(px, top + 3, px, top + ROW - 3, Palette.AXIS, 1.5, "4 3");
            }
        }
    }
}
