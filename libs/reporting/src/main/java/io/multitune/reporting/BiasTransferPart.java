package io.multitune.reporting;

import io.multitune.events.RunAudited.TransferRow;
import java.util.List;

/**
 * The question the bias audit exists for, did multi-task training spread bias from one task to another: the bias
 * transfer chart for the eye and, under it, the table with every row of the audit's transfer table for the record.
 * It stands out from the other parts (class {@code prominent}) because it is the one figure a reviewer must read.
 */
final class BiasTransferPart {

    static final String ID = "bias-transfer";

    private BiasTransferPart() {
    }

    static void write(Html html, BiasContext run, BiasLevel level) {
        level.open(html, ID, "Bias transfer: multi-task vs baselines", "prominent");
        if (run.taskIds().isEmpty()) {
            html.element("p", "No bias transfer table is available: the run has not been audited for bias.", "class",
                    "note");
            level.close(html);
            return;
        }
        html.element("p", "Per task and bias figure, the multi-task model against the task's single-task baseline. "
                + "Every figure reads higher = more biased, so a positive difference means multi-task training made "
                + "the task more biased (bias spread) and a negative one less (bias reduced). Whiskers: the 95 % "
                + "bootstrap interval of the difference; only an interval clear of the zero line is significant. The "
                + "gate fails a gated figure whose observed increase is above its limit, significant or not.",
                "class", "explain");
        html.open("div", "class", "chart-wrap").raw(BiasTransferChart.render(run)).close("div");
        table(run).writeTo(html);
        level.close(html);
    }

    private static HtmlTable table(BiasContext run) {
        double limit = run.thresholds().maxIncrease();
        HtmlTable table = new HtmlTable("Bias transfer table", "Task", "Bias figure", "Attribute", "Multi-task",
                "Baseline", "Difference", "95 % CI", "Interval", "Gate", "Reading").numeric(3, 4, 5, 6)
                .tableClass("transfer-table");
        for (String task : run.taskIds()) {
            List<TransferRow> rows = run.transfer(task);
            if (rows.isEmpty()) {
                String why = run.notAudited(task).isPresent() ? "not audited (see the gate)"
                        : run.missingBaselines().contains(task) ? "no baseline" : "no bias figure";
                table.rowWithClass("no-baseline", task, Fmt.DASH, null, null, null, null, null, null, null, why);
            }
            for (TransferRow r : rows) {
                BiasShift shift = BiasShift.of(r);
                String rowClass = shift.rowClass() == null ? "" : shift.rowClass();
                if (BiasShift.aboveLimit(r, limit)) {
                    rowClass = (rowClass + " above-limit").trim();
                }
                table.rowWithClass(rowClass.isEmpty() ? null : rowClass, r.taskId(), r.metric(),
                        r.attribute() == null ? Fmt.DASH : r.attribute(), Fmt.num(r.multiTask(), 4),
                        Fmt.num(r.baseline(), 4), Fmt.signed(r.difference(), 4),
                        Fmt.interval(r.ciLower(), r.ciUpper(), 4), r.paired() == null ? Fmt.DASH
                                : r.paired() ? "paired" : "unpaired", BiasShift.gateText(r, limit), shift.label());
            }
        }
        return table;
    }
}
