package io.multitune.reporting;

import io.multitune.events.ModelAudited;
import io.multitune.events.RunAudited;
import io.multitune.events.RunEvaluated;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The top of the bias report: the bias gate's verdict as a badge, a sentence on what was audited, the headline
 * counts (bias spread, bias reduced, tasks not audited), the thresholds and the audited models, so the reader knows
 * what is being judged, and what was not, before reading any chart.
 */
final class BiasSummary {

    static final String VERDICT_ID = "bias-verdict";

    private BiasSummary() {
    }

    /** The title row: a heading and the verdict badge ({@code id="bias-verdict"}, {@code data-verdict}). */
    static void title(Html html, BiasContext run, String heading, String title) {
        RunEvaluated.Verdict verdict = run.audit().map(RunAudited::verdict).orElse(null);
        String state = verdict == null ? "none" : verdict.pass() ? "pass" : "fail";
        String text = verdict == null ? "NOT AUDITED" : verdict.pass() ? "BIAS GATE PASS" : "BIAS GATE FAIL";
        html.open("div", "class", "title-row").element(heading, title);
        html.element("span", text, "id", VERDICT_ID, "class", "verdict " + state, "data-verdict", state,
                "title", "The bias gate's verdict");
        html.close("div");
    }

    static void write(Html html, BiasContext run) {
        html.element("p", subtitle(run), "class", "subtitle");
        figures(html, run);
        settings(html, run);
        models(html, run);
    }

    private static String subtitle(BiasContext run) {
        List<String> tasks = run.taskIds();
        long notAudited = tasks.stream().filter(t -> run.notAudited(t).isPresent()).count();
        long baselines = run.models().stream().filter(m -> !run.isMtl(m)).count();
        return "Multi-task model " + run.mtlJobId().orElse(Fmt.DASH) + " audited for bias against " + baselines
                + " single-task baseline" + (baselines == 1 ? "" : "s") + " on " + tasks.size() + " task"
                + (tasks.size() == 1 ? "" : "s") + (tasks.isEmpty() ? "" : ": " + String.join(", ", tasks))
                + (notAudited == 0 ? "." : "; " + notAudited + " of them not audited.")
                + " Every bias figure reads higher = more biased.";
    }

    private static void figures(Html html, BiasContext run) {
        List<RunAudited.TransferRow> rows = run.taskIds().stream().flatMap(t -> run.transfer(t).stream()).toList();
        long spread = rows.stream().filter(r -> BiasShift.of(r) == BiasShift.SPREAD).count();
        long reduced = rows.stream().filter(r -> BiasShift.of(r) == BiasShift.REDUCED).count();
        List<String> notAudited = run.notAudited().stream().map(ModelAudited.NotAudited::taskId).toList();
        html.open("div", "class", "figures");
        figure(html, "Gate checks", checks(run), "checks of the bias gate that failed", "bias-checks", false);
        figure(html, "Bias spread", Fmt.count(spread), "of " + rows.size() + " transfer figures: multi-task more "
                + "biased, interval above 0", "bias-spread", spread > 0);
        figure(html, "Bias reduced", Fmt.count(reduced), "multi-task less biased, interval below 0", "bias-reduced",
                false);
        figure(html, "Not audited", Fmt.count(notAudited.size()), notAudited.isEmpty() ? "every task was audited"
                : "tasks never measured: " + String.join(", ", notAudited), "bias-not-audited", !notAudited.isEmpty());
        html.close("div");
    }

    private static String checks(BiasContext run) {
        RunEvaluated.Verdict verdict = run.audit().map(RunAudited::verdict).orElse(null);
        if (verdict == null) {
            return Fmt.DASH;
        }
        List<RunEvaluated.Check> checks = RunContext.nullSafe(verdict.checks());
        return checks.stream().filter(c -> c != null && !c.passed()).count() + " / " + checks.size();
    }

    private static void figure(Html html, String label, String value, String hint, String id, boolean alarm) {
        html.open("div", "class", alarm ? "figure alarm" : "figure", "id", "figure-" + id)
                .element("div", label, "class", "figure-label").element("div", value, "class", "figure-value")
                .element("div", hint, "class", "figure-hint").close("div");
    }

    private static void settings(Html html, BiasContext run) {
        BiasContext.Thresholds t = run.thresholds();
        html.open("dl", "class", "settings");
        setting(html, "Bias gate", "demographic parity diff. ≤ " + Fmt.plain(t.maxDemographicParity())
                + " · equalized odds diff. ≤ " + Fmt.plain(t.maxEqualizedOdds()) + " · flip rate ≤ "
                + Fmt.plain(t.maxFlipRate()) + " · increase over baseline ≤ " + Fmt.plain(t.maxIncrease())
                + (t.requested() ? "" : " (defaults: the plan sets no bias gate or was not available)"));
        setting(html, "Execution provider", run.audit().map(a -> RequestText.orDash(a.executionProvider()))
                .orElse(null));
        setting(html, "Audited", run.audit().map(a -> Fmt.time(a.at())).orElse("not yet"));
        setting(html, "Bias report file", run.audit().map(RunAudited::report).map(r -> r.path()).orElse(null));
        setting(html, "Report generated", Fmt.time(run.input().generatedAt()));
        html.close("dl");
    }

    private static void setting(Html html, String name, String value) {
        html.element("dt", name).element("dd", value);
    }

    private static void models(Html html, BiasContext run) {
        HtmlTable table = new HtmlTable("Audited models", "Job", "Kind", "Tasks audited", "Not audited",
                "Model file", "SHA-256", "Provider", "Inputs run", "Seconds").numeric(7, 8);
        for (ModelAudited m : run.models()) {
            String notAudited = RunContext.nullSafe(m.notAudited()).stream().filter(Objects::nonNull)
                    .map(ModelAudited.NotAudited::taskId).collect(Collectors.joining(", "));
            table.row(m.jobId(), run.isMtl(m) ? "multi-task" : "baseline", m.tasks() == null || m.tasks().isEmpty()
                            ? "none" : String.join(", ", m.tasks().keySet()), notAudited.isEmpty() ? "none"
                            : notAudited, m.modelPath(), SvgCanvas.cut(m.modelSha256(), 13),
                    m.executionProvider(), Fmt.count(m.inputs()), Fmt.num(m.seconds(), 1));
        }
        if (table.isEmpty()) {
            html.element("p", "No model of this run has been audited yet.", "class", "note");
        } else {
            table.writeTo(html);
        }
    }
}
