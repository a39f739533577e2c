package io.multitune.reporting;

import io.multitune.events.ModelAudited.NotAudited;
import io.multitune.events.RunAudited;
import io.multitune.events.RunEvaluated;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The bias gate: its verdict in words, why it failed, the tasks that were not audited and the tasks audited without
 * a baseline (both as callouts, since the gate passes a not-audited task's check and a reader skimming the table
 * would take that for a measured pass), then every check with its detail, and the auditor's notes.
 */
final class BiasGatePart {

    static final String ID = "bias-gate";

    private BiasGatePart() {
    }

    static void write(Html html, BiasContext run, BiasLevel level) {
        level.open(html, ID, "Bias gate");
        RunAudited audit = run.audit().orElse(null);
        RunEvaluated.Verdict verdict = audit == null ? null : audit.verdict();
        if (audit == null) {
            html.element("p", "The run has not been audited for bias: there is no bias verdict yet.", "class",
                    "note");
        } else {
            html.element("p", sentence(verdict), "class", verdict != null && verdict.pass() ? "lead pass-text"
                    : "lead fail-text");
            list(html, level, "Why the bias gate failed", verdict == null ? null : verdict.reasons(), "bias-reasons");
        }
        notAudited(html, run.notAudited());
        missingBaselines(html, run.missingBaselines(), audit != null);
        if (audit != null) {
            checks(html, verdict);
            list(html, level, "Notes", audit.notes(), "bias-notes");
        }
        level.close(html);
    }

    private static String sentence(RunEvaluated.Verdict verdict) {
        if (verdict == null) {
            return "The audit carries no verdict.";
        }
        List<RunEvaluated.Check> checks = RunContext.nullSafe(verdict.checks()).stream().filter(Objects::nonNull)
                .toList();
        long failed = checks.stream().filter(c -> !c.passed()).count();
        long unmeasured = checks.stream().filter(c -> c.passed() && Result.of(c).warns()).count();
        String caveat = unmeasured == 0 ? "" : " " + unmeasured + (unmeasured == 1 ? " check passed" : " checks passed")
                + " without measuring anything (not audited or not measured): see below.";
        if (checks.isEmpty()) {
            return (verdict.pass() ? "PASS." : "FAIL.") + caveat;
        }
        return (verdict.pass() ? "PASS: all " + checks.size() + " checks of the bias gate passed."
                : "FAIL: " + failed + " of " + checks.size() + " checks of the bias gate failed.") + caveat;
    }

    private static void notAudited(Html html, List<NotAudited> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        html.open("div", "class", "callout danger", "id", "bias-not-audited");
        html.element("strong", "Not audited: " + tasks.size() + (tasks.size() == 1 ? " task was" : " tasks were")
                + " never measured for bias. ");
        html.text("The gate lists " + (tasks.size() == 1 ? "it" : "each") + " as a passing check, so that the "
                + "run can still be promoted, but no figure of this report covers " + (tasks.size() == 1 ? "it"
                : "them") + ":");
        html.open("ul");
        for (NotAudited n : tasks) {
            html.open("li").element("strong", n.taskId()).text(n.taskType() == null ? "" : " ("
                    + n.taskType().wireName() + ")").text(": " + Objects.requireNonNullElse(n.reason(),
                    "no reason given")).close("li");
        }
        html.close("ul").close("div");
    }

    private static void missingBaselines(Html html, List<String> missing, boolean audited) {
        if (missing.isEmpty()) {
            if (audited) {
                html.element("p", "Every audited task was compared with its baseline.", "class", "note");
            }
            return;
        }
        html.open("div", "class", "callout warn", "id", "bias-missing-baselines");
        html.element("strong", "Missing baselines: " + String.join(", ", missing) + ". ");
        html.text("These tasks were audited on the multi-task model alone: nothing says whether multi-task training "
                + "spread bias to them, and the gate fails their increase-over-baseline check.");
        html.close("div");
    }

    private static void checks(Html html, RunEvaluated.Verdict verdict) {
        HtmlTable table = new HtmlTable("Checks of the bias gate", "Check", "Result", "Detail");
        if (verdict != null) {
            for (RunEvaluated.Check c : RunContext.nullSafe(verdict.checks())) {
                if (c != null) {
                    Result r = Result.of(c);
                    table.rowWithClass(r.rowClass, c.name(), r.text, c.detail());
                }
            }
        }
        if (table.isEmpty()) {
            html.element("p", "The bias gate recorded no checks.", "class", "note");
        } else {
            table.writeTo(html);
        }
    }

    /** How a check reads: a pass that measured nothing is not shown as a plain pass. */
    private enum Result {
        FAIL("✗ fail", "check-fail"),
        NOT_AUDITED("⚠ not audited", "check-warn"),
        NOT_MEASURED("○ not measured", "check-warn"),
        NOT_GATED("– not gated", "check-muted"),
        PASS("✓ pass", "check-pass");

        private final String text;
        private final String rowClass;

        Result(String text, String rowClass) {
            this.text = text;
            this.rowClass = rowClass;
        }

        boolean warns() {
            return this == NOT_AUDITED || this == NOT_MEASURED;
        }

        static Result of(RunEvaluated.Check c) {
            if (!c.passed()) {
                return FAIL;
            }
            String detail = c.detail() == null ? "" : c.detail().toLowerCase(Locale.ROOT);
            if (detail.startsWith("not audited") || String.valueOf(c.name()).startsWith("not-audited")) {
                return NOT_AUDITED;
            }
            if (detail.startsWith("not measured")) {
                return NOT_MEASURED;
            }
            return detail.startsWith("not gated") ? NOT_GATED : PASS;
        }
    }

    private static void list(Html html, BiasLevel level, String title, List<String> items, String id) {
        if (items == null || items.isEmpty()) {
            return;
        }
        html.open("div", "class", "list-block", "id", id).element(level.subheading(), title).open("ul");
        items.forEach(i -> html.element("li", i));
        html.close("ul").close("div");
    }
}
