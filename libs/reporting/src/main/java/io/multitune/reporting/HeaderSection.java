package io.multitune.reporting;

import io.multitune.events.RunEvaluated;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunRequest;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The top of the page: the run, the gate's verdict as a badge, the headline figures (unified scores, Δm), and the
 * settings that produced them, so the reader knows what is being judged before reading any chart.
 */
final class HeaderSection {

    private HeaderSection() {
    }

    static void write(Html html, RunContext run) {
        Optional<RunEvaluated> eval = run.evaluation();
        html.open("header", "class", "run-header");
        html.open("div", "class", "title-row").element("h1", "Run " + run.runId());
        BiasReportInput bias = run.input().bias();
        if (bias == null) {
            verdictBadge(html, eval.map(RunEvaluated::verdict).orElse(null));
        } else {
            runVerdictBadges(html, eval.map(RunEvaluated::verdict).orElse(null),
                    bias.audit() == null ? null : bias.audit().verdict());
        }
        html.close("div");
        html.element("p", subtitle(run), "class", "subtitle");
        figures(html, run, eval.orElse(null));
        settings(html, run);
        html.close("header").newline();
        jobs(html, run);
    }

    private static void verdictBadge(Html html, RunEvaluated.Verdict verdict) {
        String state = verdict == null ? "none" : verdict.pass() ? "pass" : "fail";
        String text = verdict == null ? "NOT EVALUATED" : verdict.pass() ? "PASS" : "FAIL";
        html.element("span", text, "id", "verdict", "class", "verdict " + state, "data-verdict", state,
                "title", "The evaluation gate's verdict");
    }

    /**
     * With the bias audit on the page, the run's verdict is both gates': one badge for the run, then one small badge
     * per gate (the evaluation's keeps {@code id="verdict"}), so a passed evaluation never reads as a passed run.
     */
    private static void runVerdictBadges(Html html, RunEvaluated.Verdict evaluation, RunEvaluated.Verdict bias) {
        String run = evaluation == null || bias == null ? "none"
                : evaluation.pass() && bias.pass() ? "pass" : "fail";
        html.element("span", run.equals("none") ? "NOT JUDGED" : run.toUpperCase(java.util.Locale.ROOT),
                "id", "run-verdict", "class", "verdict " + run, "data-verdict", run,
                "title", "The run's verdict: it passes when the evaluation gate and the bias gate both pass");
        gateBadge(html, "verdict", "evaluation", evaluation, "The evaluation gate's verdict");
        gateBadge(html, "run-bias-verdict", "bias", bias, "The bias gate's verdict");
    }

    private static void gateBadge(Html html, String id, String gate, RunEvaluated.Verdict verdict, String title) {
        String state = verdict == null ? "none" : verdict.pass() ? "pass" : "fail";
        String text = gate + " " + (verdict == null ? "not judged" : verdict.pass() ? "PASS" : "FAIL");
        html.element("span", text, "id", id, "class", "verdict gate " + state, "data-verdict", state, "title", title);
    }

    private static String subtitle(RunContext run) {
        List<String> tasks = run.taskIds();
        long baselines = tasks.stream().filter(t -> run.baselineJobId(t).isPresent()
                || run.outcome(t).map(o -> o.stl() != null).orElse(false)).count();
        return "Multi-task model " + run.mtlJobId().orElse(Fmt.DASH) + " against " + baselines
                + " single-task baseline" + (baselines == 1 ? "" : "s") + " on " + tasks.size() + " task"
                + (tasks.size() == 1 ? "" : "s") + (tasks.isEmpty() ? "" : ": " + String.join(", ", tasks));
    }

    private static void figures(Html html, RunContext run, RunEvaluated eval) {
        html.open("div", "class", "figures");
        figure(html, "Unified score, multi-task", eval == null ? Fmt.DASH : Fmt.num(eval.unifiedScore(), 4),
                "weighted mean of the primary metrics mapped to [0, 1]", "unified-mtl");
        figure(html, "Unified score, baselines", eval == null ? Fmt.DASH : Fmt.num(eval.baselineUnifiedScore(), 4),
                eval != null && eval.baselineUnifiedScore() == null ? "no task has a baseline"
                        : "same tasks, one model per task", "unified-stl");
        figure(html, "Δm", deltaM(eval), deltaMExplanation(eval), "delta-m");
        figure(html, "Execution provider", eval == null ? Fmt.DASH : RequestText.orDash(eval.executionProvider()),
                "where ONNX Runtime scored the models", "provider");
        html.close("div");
    }

    private static void figure(Html html, String label, String value, String hint, String id) {
        html.open("div", "class", "figure", "id", "figure-" + id).element("div", label, "class", "figure-label")
                .element("div", value, "class", "figure-value").element("div", hint, "class", "figure-hint")
                .close("div");
    }

    private static String deltaM(RunEvaluated eval) {
        if (eval == null) {
            return Fmt.DASH;
        }
        return Fmt.finite(eval.deltaMPercent()) ? Fmt.signedPercent(eval.deltaMPercent(), 2) : "undefined";
    }

    private static String deltaMExplanation(RunEvaluated eval) {
        if (eval == null) {
            return "the run is not evaluated yet";
        }
        if (Fmt.finite(eval.deltaMPercent())) {
            return "mean relative change against the baselines; positive = multi-task better";
        }
        boolean anyBaseline = RunContext.nullSafe(eval.tasks()).stream().anyMatch(t -> t.stl() != null);
        return anyBaseline ? "undefined: every baseline metric is 0, so no relative change exists"
                : "undefined: no task has a baseline to compare with";
    }

    private static void settings(Html html, RunContext run) {
        RunRequest r = run.plan().map(RunPlanned::request).orElse(null);
        html.open("dl", "class", "settings");
        if (r != null) {
            setting(html, "Base model", r.baseModel());
            setting(html, "Adapter", RequestText.adapter(r.adapter()));
            setting(html, "Weighting", RequestText.weighting(r.weighting()));
            setting(html, "Sampling", RequestText.sampling(r.sampling()));
            setting(html, "Batch size", RequestText.orDash(r.batchSize()));
            setting(html, "Seed", RequestText.orDash(r.seed()));
            setting(html, "Budget", RequestText.budget(r.budget()));
            setting(html, "Validation", RequestText.validation(r.validation()));
            setting(html, "Planned", Fmt.time(run.input().plan().plannedAt()));
        }
        setting(html, "Evaluated", run.evaluation().map(e -> Fmt.time(e.at())).orElse(null));
        setting(html, "Report generated", Fmt.time(run.input().generatedAt()));
        html.close("dl");
        if (r == null) {
            html.element("p", "The run's plan was not available: its settings are not shown.", "class", "note");
        }
    }

    private static void setting(Html html, String name, String value) {
        html.element("dt", name).element("dd", value);
    }

    private static void jobs(Html html, RunContext run) {
        HtmlTable table = new HtmlTable("Jobs of the run", "Job", "Kind", "Tasks", "Steps", "Batch size",
                "Validation rounds", "Unified score").numeric(3, 4, 5, 6);
        run.plan().ifPresent(p -> RunContext.nullSafe(p.jobs()).forEach(j -> table.row(j.jobId(),
                kind(j.kind()), j.tasks() == null ? null : j.tasks().stream().map(RunPlanned.TaskPlan::taskId)
                        .collect(Collectors.joining(", ")), Fmt.count(j.steps()), Fmt.count(j.batchSize()),
                Fmt.count(j.validationRounds()), unified(run, j.jobId()))));
        if (table.isEmpty()) {
            run.models().forEach(m -> table.row(m.jobId(), kind(m.kind()), m.tasks() == null ? null
                    : String.join(", ", m.tasks().keySet()), null, null, null, Fmt.num(m.unifiedScore(), 4)));
        }
        if (!table.isEmpty()) {
            html.open("section", "id", "jobs").element("h2", "Jobs");
            table.writeTo(html);
            html.close("section").newline();
        }
    }

    private static String unified(RunContext run, String jobId) {
        return run.models().stream().filter(m -> jobId != null && jobId.equals(m.jobId())).findFirst()
                .map(m -> Fmt.num(m.unifiedScore(), 4)).orElse("not scored");
    }

    static String kind(RunPlanned.JobKind kind) {
        return kind == null ? null : kind == RunPlanned.JobKind.MULTI_TASK ? "multi-task" : "baseline";
    }
}
