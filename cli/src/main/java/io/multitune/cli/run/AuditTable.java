package io.multitune.cli.run;

import io.multitune.cli.common.TextTable;
import io.multitune.events.ModelAudited;
import io.multitune.events.RunAudited;
import io.multitune.events.RunAudited.TransferRow;

import java.util.Locale;

/**
 * A run's bias audit as text: the bias transfer table (per task and bias figure, multi-task against baseline, the
 * difference and its interval, and whether multi-task training spread or reduced the bias), the tasks not audited,
 * and the bias gate's verdict with its reasons.
 */
public final class AuditTable {
    private AuditTable() {
    }

    public static String render(RunAudited a) {
        TextTable table = new TextTable(
                new String[]{"task", "bias figure", "multi-task", "baseline", "difference", "95% CI", "reading"},
                new boolean[]{false, false, true, true, true, false, false});
        for (TransferRow r : a.transfer()) {
            table.row(r.taskId(), r.metric() + (r.attribute() == null ? "" : " (" + r.attribute() + ")"),
                    f4(r.multiTask()), f4(r.baseline()), r.difference() == null ? null
                            : String.format(Locale.ROOT, "%+.4f", r.difference()),
                    r.ciLower() == null ? null
                            : String.format(Locale.ROOT, "[%+.4f, %+.4f]", r.ciLower(), r.ciUpper()),
                    reading(r));
        }
        StringBuilder out = new StringBuilder(table.render());
        for (ModelAudited.NotAudited n : a.notAudited()) {
            out.append("not audited: ").append(n.taskId()).append(" (").append(n.reason()).append(")\n");
        }
        if (!a.missingBaselines().isEmpty()) {
            out.append("audited without a baseline: ").append(String.join(", ", a.missingBaselines())).append('\n');
        }
        out.append("bias verdict: ").append(a.verdict().pass() ? "PASS" : "FAIL").append('\n');
        a.verdict().reasons().forEach(r -> out.append("  - ").append(r).append('\n'));
        return out.toString();
    }

    private static String reading(TransferRow r) {
        if (r.baseline() == null || r.difference() == null) {
            return "no baseline";
        }
        if (r.ciLower() != null && r.ciLower() > 0) {
            return "spread by multi-task";
        }
        if (r.ciUpper() != null && r.ciUpper() < 0) {
            return "reduced by multi-task";
        }
        return "no significant change";
    }

    private static String f4(Double v) {
        return v == null || v.isNaN() ? null : String.format(Locale.ROOT, "%.4f", v);
    }
}
