package io.multitune.reporting;

import io.multitune.events.ModelAudited;
import io.multitune.events.ModelAudited.Estimate;
import io.multitune.events.ModelAudited.GroupAudit;
import io.multitune.events.ModelAudited.GroupFigures;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Group fairness per task and group attribute: the disparity chart, the differences with their intervals and the
 * auditor's note on which class and groups produce them, then each group's own figures (size, whether it is large
 * enough to count, accuracy, macro-F1, selection rate, TPR, FPR) per model, so a disparity can be traced to groups.
 */
final class GroupMetricsPart {

    static final String ID = "bias-groups";

    private GroupMetricsPart() {
    }

    static void write(Html html, BiasContext run, BiasLevel level) {
        level.open(html, ID, "Group metrics");
        boolean any = run.taskIds().stream().anyMatch(t -> !GroupDisparityChart.attributes(run, t).isEmpty());
        if (run.taskIds().isEmpty()) {
            html.element("p", "No group metrics are available: no model of the run has been audited.", "class",
                    "note");
            level.close(html);
            return;
        }
        html.element("p", "On test examples that carry a group attribute: the demographic parity difference is the "
                + "largest gap in selection rate between groups, the equalized odds difference the larger of the "
                + "gaps in true and false positive rate. Only groups large enough count in the differences.",
                "class", "explain");
        html.open("div", "class", "chart-wrap").raw(GroupDisparityChart.render(run)).close("div");
        if (!any) {
            html.element("p", "No audited task has examples with group attributes: no group metric was measured.",
                    "class", "note");
            level.close(html);
            return;
        }
        disparities(run).writeTo(html);
        for (String task : run.taskIds()) {
            for (String attribute : GroupDisparityChart.attributes(run, task)) {
                html.element(level.subheading(), task + " · " + attribute + ": per group");
                groups(run, task, attribute).writeTo(html);
            }
        }
        level.close(html);
    }

    private static HtmlTable disparities(BiasContext run) {
        HtmlTable table = new HtmlTable("Disparities per task, attribute and model", "Task", "Attribute", "Model",
                "Demographic parity diff.", "95 % CI", "Equalized odds diff.", "95 % CI", "Detail")
                .numeric(3, 4, 5, 6);
        for (String task : run.taskIds()) {
            for (String attribute : GroupDisparityChart.attributes(run, task)) {
                for (ModelAudited m : run.modelsFor(task)) {
                    Optional<GroupAudit> g = GroupDisparityChart.group(m, task, attribute);
                    Estimate dpd = g.map(GroupAudit::demographicParityDifference).orElse(null);
                    Estimate eod = g.map(GroupAudit::equalizedOddsDifference).orElse(null);
                    table.row(task, attribute, run.modelLabel(m), value(dpd), ci(dpd), value(eod), ci(eod),
                            g.map(GroupAudit::detail).orElse(g.isPresent() ? null : "not measured for this model"));
                }
            }
        }
        return table;
    }

    private static HtmlTable groups(BiasContext run, String task, String attribute) {
        HtmlTable table = new HtmlTable(null, "Model", "Group", "Examples", "Counted", "Accuracy", "Macro-F1",
                "Selection rate", "TPR", "FPR").numeric(2, 4, 5, 6, 7, 8);
        for (ModelAudited m : run.modelsFor(task)) {
            List<GroupFigures> groups = GroupDisparityChart.group(m, task, attribute)
                    .map(g -> RunContext.nullSafe(g.groups())).orElse(List.of()).stream().filter(Objects::nonNull)
                    .toList();
            for (GroupFigures f : groups) {
                table.rowWithClass(f.counted() ? null : "no-baseline", run.modelLabel(m), f.group(),
                        Fmt.count(f.examples()), f.counted() ? "yes" : "no (too few)", Fmt.num(f.accuracy(), 3),
                        Fmt.num(f.macroF1(), 3), Fmt.num(f.selectionRate(), 3), Fmt.num(f.truePositiveRate(), 3),
                        Fmt.num(f.falsePositiveRate(), 3));
            }
        }
        if (table.isEmpty()) {
            table.row(Fmt.DASH, "no group figures");
        }
        return table;
    }

    private static String value(Estimate e) {
        return e == null ? Fmt.DASH : Fmt.num(e.value(), 4);
    }

    private static String ci(Estimate e) {
        return e == null ? Fmt.DASH : Fmt.bounds(e.ciLower(), e.ciUpper(), 4);
    }
}
