package io.multitune.reporting;

import io.multitune.events.ModelEvaluated;
import io.multitune.events.ModelEvaluated.TaskEvaluation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every scored model's own figures: all metrics of each task (the primary one marked) and, for classification, the
 * per-label precision, recall and F1, which show where a task gained or lost that one headline number hides.
 */
final class ModelMetricsSection {

    private ModelMetricsSection() {
    }

    static void write(Html html, RunContext run) {
        html.open("section", "id", "models").element("h2", "Models");
        if (run.models().isEmpty()) {
            html.element("p", "No model of this run was scored.", "class", "note");
        }
        for (ModelEvaluated m : run.models()) {
            model(html, run, m);
        }
        html.close("section").newline();
    }

    private static void model(Html html, RunContext run, ModelEvaluated m) {
        html.open("div", "class", "model").element("h3", m.jobId() + " · " + HeaderSection.kind(m.kind()) + " model");
        html.element("p", "unified score " + Fmt.num(m.unifiedScore(), 4) + " · " + RequestText.orDash(
                m.executionProvider()) + " · " + Fmt.num(m.examplesPerSecond(), 1) + " examples/s · scored in "
                + Fmt.num(m.seconds(), 1) + " s · " + RequestText.orDash(m.modelPath()) + " (sha256 "
                + shortSha(m.modelSha256()) + ")", "class", "meta");
        Map<String, TaskEvaluation> tasks = m.tasks() == null ? Map.of() : inReportOrder(run, m.tasks());
        HtmlTable metrics = new HtmlTable("Metrics on the test split", "Task", "Type", "Examples", "Metric", "Value")
                .numeric(2, 4);
        tasks.forEach((task, e) -> metrics(metrics, task, e));
        if (!metrics.isEmpty()) {
            metrics.writeTo(html);
        }
        tasks.forEach((task, e) -> perClass(html, task, e));
        html.close("div");
    }

    private static void metrics(HtmlTable table, String task, TaskEvaluation e) {
        if (e == null) {
            return;
        }
        String type = e.taskType() == null ? null : e.taskType().wireName();
        table.rowWithClass("primary", task, type, Fmt.count(e.examples()), e.primaryMetric() + " (primary)",
                Fmt.num(e.primary(), 4));
        if (e.metrics() != null) {
            new TreeMap<>(e.metrics()).forEach((name, v) -> {
                if (!name.equals(e.primaryMetric())) {
                    table.row("", "", "", name, Fmt.num(v, 4));
                }
            });
        }
    }

    private static void perClass(Html html, String task, TaskEvaluation e) {
        if (e == null || e.perClass() == null || e.perClass().isEmpty()) {
            return;
        }
        HtmlTable table = new HtmlTable(task + ": per label", "Label", "Precision", "Recall", "F1", "Support")
                .numeric(1, 2, 3, 4);
        e.perClass().stream().filter(java.util.Objects::nonNull).forEach(c -> table.row(c.label(),
                Fmt.num(c.precision(), 3), Fmt.num(c.recall(), 3), Fmt.num(c.f1(), 3), Fmt.count(c.support())));
        table.writeTo(html);
    }

    private static String shortSha(String sha) {
        return sha == null ? Fmt.DASH : sha.length() > 12 ? sha.substring(0, 12) + "…" : sha;
    }

    /** The model's tasks in the order of the rest of the report; tasks it alone knows follow by name. */
    private static Map<String, TaskEvaluation> inReportOrder(RunContext run, Map<String, TaskEvaluation> tasks) {
        Map<String, TaskEvaluation> ordered = new LinkedHashMap<>();
        run.taskIds().stream().filter(tasks::containsKey).forEach(t -> ordered.put(t, tasks.get(t)));
        new TreeMap<>(tasks).forEach(ordered::putIfAbsent);
        return ordered;
    }
}
