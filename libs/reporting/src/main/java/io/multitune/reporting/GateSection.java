package io.multitune.reporting;

import io.multitune.events.RunEvaluated;
import java.util.List;

/**
 * The evaluation gate: each check with the figures it judged, why the run failed if it did, the evaluator's notes
 * and, stated plainly, which tasks had no baseline (their comparison and Δm contribution are missing).
 */
final class GateSection {

    private GateSection() {
    }

    static void write(Html html, RunContext run) {
        html.open("section", "id", "gate").element("h2", "Evaluation gate");
        RunEvaluated eval = run.evaluation().orElse(null);
        if (eval == null) {
            html.element("p", "The run has not been evaluated: there is no verdict yet.", "class", "note");
            html.close("section").newline();
            return;
        }
        RunEvaluated.Verdict verdict = eval.verdict();
        html.element("p", verdictSentence(verdict), "class", verdict != null && verdict.pass() ? "lead pass-text"
                : "lead fail-text");
        checks(html, verdict);
        list(html, "Why it failed", verdict == null ? null : verdict.reasons(), "reasons");
        missingBaselines(html, RunContext.nullSafe(eval.missingBaselines()));
        list(html, "Notes", eval.notes(), "notes");
        html.close("section").newline();
    }

    private static String verdictSentence(RunEvaluated.Verdict verdict) {
        if (verdict == null) {
            return "The evaluation carries no verdict.";
        }
        long failed = RunContext.nullSafe(verdict.checks()).stream().filter(c -> !c.passed()).count();
        int total = RunContext.nullSafe(verdict.checks()).size();
        if (total == 0) {
            return verdict.pass() ? "PASS." : "FAIL.";
        }
        return verdict.pass() ? "PASS: all " + total + " checks of the gate passed."
                : "FAIL: " + failed + " of " + total + " checks failed.";
    }

    private static void checks(Html html, RunEvaluated.Verdict verdict) {
        HtmlTable table = new HtmlTable(null, "Check", "Result", "Detail");
        if (verdict != null) {
            for (RunEvaluated.Check c : RunContext.nullSafe(verdict.checks())) {
                table.rowWithClass(c.passed() ? "check-pass" : "check-fail", c.name(), c.passed() ? "✓ pass"
                        : "✗ fail", c.detail());
            }
        }
        if (table.isEmpty()) {
            html.element("p", "The gate recorded no checks.", "class", "note");
        } else {
            table.writeTo(html);
        }
    }

    private static void missingBaselines(Html html, List<String> missing) {
        if (missing.isEmpty()) {
            html.element("p", "Every task was compared with its baseline.", "class", "note");
            return;
        }
        html.open("div", "class", "callout warn", "id", "missing-baselines");
        html.element("strong", "Missing baselines: " + String.join(", ", missing) + ". ");
        html.text("These tasks are shown with the multi-task model alone; Δm and the baselines' unified score "
                + "cover only the tasks that have a baseline.");
        html.close("div");
    }

    private static void list(Html html, String title, List<String> items, String id) {
        if (items == null || items.isEmpty()) {
            return;
        }
        html.open("div", "class", "list-block", "id", id).element("h3", title).open("ul");
        items.forEach(i -> html.element("li", i));
        html.close("ul").close("div");
    }
}
