package io.multitune.reporting;

import io.multitune.events.ModelAudited;
import io.multitune.events.ModelAudited.Estimate;
import io.multitune.events.ModelAudited.GroupAudit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Group disparities side by side: per task a band, per group attribute a row, and two panels, the demographic
 * parity difference and the equalized odds difference, each with a bar per audited model (multi-task blue,
 * baseline orange), its bootstrap interval as whiskers and the gate's maximum as a dashed line. Tasks without group
 * attributes keep their band with the reason.
 */
final class GroupDisparityChart {

    static final String ID = "chart-group-disparities";
    private static final double WIDTH = 1010;
    private static final double BAND = 26;
    private static final double LINE = 17;
    private static final double LABEL_LEFT = 24;
    private static final double[] PANELS = {215, 575, 640, 1000 - 12};

    private GroupDisparityChart() {
    }

    static String render(BiasContext run) {
        List<String> tasks = run.taskIds();
        BiasContext.Thresholds t = run.thresholds();
        List<Legend.Entry> legend = List.of(Legend.Entry.swatch("multi-task", Palette.MTL),
                Legend.Entry.swatch("baseline", Palette.STL), Legend.Entry.line("95 % bootstrap interval", "#1f2937",
                        null), Legend.Entry.line("gate maximum", Palette.NEGATIVE, "5 4"));
        double top = 44 + Legend.height(12, WIDTH - 12, legend) + 52;
        double height = top + tasks.stream().mapToDouble(task -> BAND + attributes(run, task).size()
                * rowHeight(run, task)).sum() + 48;
        SvgCanvas svg = new SvgCanvas(WIDTH, height, ID, null, "Demographic parity and equalized odds differences "
                + "per task and group attribute, multi-task against baseline");
        svg.text(12, 20, "Group disparities per task and attribute (0 = every group treated alike)", "start",
                "chart-title", null);
        Legend.draw(svg, 12, 44, WIDTH - 12, legend);
        Frame dpd = new Frame(PANELS[0], top, PANELS[1] - PANELS[0], height - top - 48);
        Frame eod = new Frame(PANELS[2], top, PANELS[3] - PANELS[2], dpd.height());
        LinearScale xd = scale(run, tasks, t.maxDemographicParity(), t.maxEqualizedOdds(), dpd);
        LinearScale xe = scale(run, tasks, t.maxDemographicParity(), t.maxEqualizedOdds(), eod);
        svg.text(dpd.left(), top - 26, "demographic parity difference", "start", "panel-title", null);
        svg.text(eod.left(), top - 26, "equalized odds difference", "start", "panel-title", null);
        Axes.bottom(svg, dpd, xd, "max − min selection rate");
        Axes.bottom(svg, eod, xe, "larger of the TPR and FPR gaps");
        Whiskers.limit(svg, xd, dpd, t.maxDemographicParity(), "max " + Fmt.plain(t.maxDemographicParity()));
        Whiskers.limit(svg, xe, eod, t.maxEqualizedOdds(), "max " + Fmt.plain(t.maxEqualizedOdds()));
        double y = top;
        for (String task : tasks) {
            band(svg, run, task, y);
            y += BAND;
            for (String attribute : attributes(run, task)) {
                row(svg, run, task, attribute, y, xd, xe);
                y += rowHeight(run, task);
            }
        }
        return svg.render();
    }

    /** The group attributes of a task over its audited models, in order of appearance. */
    static List<String> attributes(BiasContext run, String task) {
        Set<String> attributes = new LinkedHashSet<>();
        run.modelsFor(task).forEach(m -> groups(m, task).forEach(g -> attributes.add(g.attribute())));
        attributes.remove(null);
        return List.copyOf(attributes);
    }

    static List<GroupAudit> groups(ModelAudited m, String task) {
        return BiasContext.taskAudit(m, task).map(a -> RunContext.nullSafe(a.groups())).orElse(List.of()).stream()
                .filter(Objects::nonNull).toList();
    }

    static Optional<GroupAudit> group(ModelAudited m, String task, String attribute) {
        return groups(m, task).stream().filter(g -> attribute.equals(g.attribute())).findFirst();
    }

    private static double rowHeight(BiasContext run, String task) {
        return Math.max(38, 12 + run.modelsFor(task).size() * LINE);
    }

    /** A task's band, drawn over the grid lines so that it reads as the heading of the task's rows. */
    private static void band(SvgCanvas svg, BiasContext run, String task, double y) {
        svg.rect(6, y, WIDTH - 12, BAND, "#eef2f7", null);
        svg.textWithTooltip(12, y + 18, SvgCanvas.cut(task, 30), task, "start", "row-label");
        String note = null;
        if (run.notAudited(task).isPresent()) {
            note = "not audited: " + run.notAudited(task).get().reason();
        } else if (run.modelsFor(task).isEmpty()) {
            note = "no audited model covers this task";
        } else if (attributes(run, task).isEmpty()) {
            note = "no group metrics: the task's test examples carry no group attribute";
        }
        if (note != null) {
            svg.textWithTooltip(PANELS[0], y + 18, SvgCanvas.cut(note, 120), note, "start", "missing");
        }
    }

    private static void row(SvgCanvas svg, BiasContext run, String task, String attribute, double top,
                            LinearScale xd, LinearScale xe) {
        svg.textWithTooltip(LABEL_LEFT, top + 18, SvgCanvas.cut(attribute, 24), attribute, "start", "label");
        double y = top + 6;
        for (ModelAudited m : run.modelsFor(task)) {
            Optional<GroupAudit> g = group(m, task, attribute);
            String what = task + " · " + attribute + " · " + run.modelLabel(m);
            bar(svg, xd, y, g.map(GroupAudit::demographicParityDifference).orElse(null), run.modelColour(m),
                    what + " · demographic parity difference");
            bar(svg, xe, y, g.map(GroupAudit::equalizedOddsDifference).orElse(null), run.modelColour(m),
                    what + " · equalized odds difference");
            y += LINE;
        }
    }

    private static void bar(SvgCanvas svg, LinearScale x, double y, Estimate e, String colour, String what) {
        if (e == null || !Fmt.finite(e.value())) {
            svg.text(x.map(0) + 4, y + 10, "not measured", "start", "missing", null);
            return;
        }
        double x0 = x.map(0);
        double x1 = x.mapClamped(e.value());
        String figures = Fmt.num(e.value(), 4) + " " + Fmt.bounds(e.ciLower(), e.ciUpper(), 4);
        svg.rect(x0, y, Math.max(1, x1 - x0), 11, colour, what + ": " + figures);
        double end = x1;
        if (Fmt.finite(e.ciLower()) && Fmt.finite(e.ciUpper())) {
            double lo = x.mapClamped(e.ciLower());
            double hi = x.mapClamped(e.ciUpper());
            svg.line(lo, y + 5.5, hi, y + 5.5, "#1f2937", 1.5, null);
            svg.line(lo, y + 1.5, lo, y + 9.5, "#1f2937", 1.5, null);
            svg.line(hi, y + 1.5, hi, y + 9.5, "#1f2937", 1.5, null);
            end = Math.max(end, hi);
        }
        svg.text(end + 4, y + 10, Fmt.num(e.value(), 3), "start", "bar-value", null);
    }

    private static LinearScale scale(BiasContext run, List<String> tasks, double maxDpd, double maxEod, Frame f) {
        double hi = Math.max(maxDpd, maxEod) * 1.15;
        for (String task : tasks) {
            for (ModelAudited m : run.modelsFor(task)) {
                for (GroupAudit g : groups(m, task)) {
                    for (Estimate e : new Estimate[] {g.demographicParityDifference(), g.equalizedOddsDifference()}) {
                        if (e != null) {
                            hi = Math.max(hi, Math.max(finite(e.value()), finite(e.ciUpper())) * 1.1);
                        }
                    }
                }
            }
        }
        return LinearScale.nice(0, Math.min(hi, 1), f.left(), f.right(), 4);
    }

    private static double finite(Double v) {
        return Fmt.finite(v) ? v : 0;
    }
}
