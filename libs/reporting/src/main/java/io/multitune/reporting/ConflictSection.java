package io.multitune.reporting;

import io.multitune.events.TrainingProgress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Gradient conflict in the multi-task job: the last measured matrix as a heatmap, and per task pair its cosine over
 * the whole run (mean and share of negative measurements), since one matrix is one step's snapshot.
 */
final class ConflictSection {

    private ConflictSection() {
    }

    static void write(Html html, RunContext run) {
        html.open("section", "id", "conflicts").element("h2", "Gradient conflicts");
        List<TrainingProgress> measured = run.progress(run.mtlJobId().orElse(null)).stream()
                .filter(p -> p.conflictCosines() != null && p.taskIds() != null && !p.taskIds().isEmpty()).toList();
        if (measured.isEmpty()) {
            html.element("p", "The trainer measured no gradient conflicts for the multi-task job.", "class", "note");
            html.close("section").newline();
            return;
        }
        TrainingProgress last = measured.get(measured.size() - 1);
        html.element("p", "Cosine similarity of the task gradients on the shared weights, measured " + measured.size()
                + " time" + (measured.size() == 1 ? "" : "s") + "; the matrix is the last measurement. Negative "
                + "values mean the tasks pull the encoder in opposite directions.", "class", "explain");
        html.open("div", "class", "chart-wrap")
                .raw(ConflictMatrixChart.render(last.taskIds(), last.conflictCosines(), last.step())).close("div");
        HtmlTable pairs = pairs(measured, last.taskIds());
        if (!pairs.isEmpty()) {
            pairs.writeTo(html);
        }
        html.close("section").newline();
    }

    private static HtmlTable pairs(List<TrainingProgress> measured, List<String> tasks) {
        record Pair(String a, String b, Double last, double mean, double negativeShare) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            for (int j = i + 1; j < tasks.size(); j++) {
                List<Double> values = history(measured, tasks.get(i), tasks.get(j));
                double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                double negative = values.isEmpty() ? Double.NaN
                        : 100.0 * values.stream().filter(v -> v < 0).count() / values.size();
                Double last = values.isEmpty() ? null : values.get(values.size() - 1);
                pairs.add(new Pair(tasks.get(i), tasks.get(j), last, mean, negative));
            }
        }
        pairs.sort(Comparator.comparingDouble(p -> Fmt.finite(p.last()) ? p.last() : Double.MAX_VALUE));
        HtmlTable table = new HtmlTable("Task pairs, most conflicting first", "Task pair", "Last cosine",
                "Mean cosine", "Measurements < 0").numeric(1, 2, 3);
        pairs.forEach(p -> table.rowWithClass(Fmt.finite(p.last()) && p.last() < 0 ? "conflict" : null,
                p.a() + " × " + p.b(), Fmt.num(p.last(), 3), Fmt.num(p.mean(), 3), Fmt.percent(p.negativeShare(), 0)));
        return table;
    }

    /** The pair's cosine in every measurement that holds both tasks, by step. */
    private static List<Double> history(List<TrainingProgress> measured, String a, String b) {
        List<Double> values = new ArrayList<>();
        for (TrainingProgress p : measured) {
            int i = p.taskIds().indexOf(a);
            int j = p.taskIds().indexOf(b);
            List<List<Double>> m = p.conflictCosines();
            if (i >= 0 && j >= 0 && i < m.size() && m.get(i) != null && j < m.get(i).size()
                    && Fmt.finite(m.get(i).get(j))) {
                values.add(m.get(i).get(j));
            }
        }
        return values;
    }
}
