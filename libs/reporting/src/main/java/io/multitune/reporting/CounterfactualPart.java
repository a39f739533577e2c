package io.multitune.reporting;

import io.multitune.events.ModelAudited;
import io.multitune.events.ModelAudited.Counterfactual;
import io.multitune.events.ModelAudited.Estimate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Counterfactual invariance per task and model: the flip-rate chart, the table of every counterfactual figure each
 * model measured (with the numbers of swapped inputs and pairs behind it), and each model's most changed cases, the
 * sentences a reader needs to judge whether a flip is bias or noise.
 */
final class CounterfactualPart {

    static final String ID = "bias-counterfactual";

    /** Figures in the order they are read: rates first, then the probability and value changes. */
    private static final List<String> ORDER = List.of("counterfactual-flip-rate", "counterfactual-token-flip-rate",
            "counterfactual-mean-prob-change", "counterfactual-max-prob-change", "counterfactual-mean-value-change",
            "counterfactual-max-value-change");

    private CounterfactualPart() {
    }

    static void write(Html html, BiasContext run, BiasLevel level) {
        level.open(html, ID, "Counterfactual invariance");
        if (run.taskIds().isEmpty()) {
            html.element("p", "No counterfactual figures are available: no model of the run has been audited.",
                    "class", "note");
            level.close(html);
            return;
        }
        html.element("p", "Identity terms in each test input (and in template sentences) are swapped for their "
                + "counterparts (he ↔ she, John ↔ Mary, ...); a model free of this bias predicts the same for both "
                + "texts. Flip rate: share of pairs whose predicted class (tagging: any tag of an untouched token) "
                + "changes. Lower is better.", "class", "explain");
        html.open("div", "class", "chart-wrap").raw(CounterfactualChart.render(run)).close("div");
        HtmlTable table = table(run);
        if (table.isEmpty()) {
            html.element("p", "No model measured a counterfactual figure.", "class", "note");
        } else {
            table.writeTo(html);
        }
        for (String task : run.taskIds()) {
            for (ModelAudited m : run.modelsFor(task)) {
                Counterfactual c = CounterfactualChart.counterfactual(m, task);
                if (c != null) {
                    ChangedCases.write(html, level, task + " · " + run.modelLabel(m) + ": most changed cases",
                            c.cases());
                }
            }
        }
        level.close(html);
    }

    private static HtmlTable table(BiasContext run) {
        HtmlTable table = new HtmlTable("Counterfactual figures per task and model", "Task", "Model", "Swaps",
                "Sources", "Pairs", "Figure", "Value", "95 % CI").numeric(3, 4, 6, 7);
        for (String task : run.taskIds()) {
            if (run.notAudited(task).isPresent()) {
                table.rowWithClass("no-baseline", task, "not audited", null, null, null,
                        run.notAudited(task).get().reason(), null, null);
                continue;
            }
            for (ModelAudited m : run.modelsFor(task)) {
                Counterfactual c = CounterfactualChart.counterfactual(m, task);
                if (c == null) {
                    table.rowWithClass("no-baseline", task, run.modelLabel(m), null, null, null,
                            "no counterfactual pair", null, null);
                    continue;
                }
                for (Map.Entry<String, Estimate> f : figures(c)) {
                    Estimate e = f.getValue();
                    table.row(task, run.modelLabel(m), CounterfactualChart.kind(c.kind()), Fmt.count(c.sources()),
                            Fmt.count(c.pairs()), f.getKey(), e == null ? Fmt.DASH : Fmt.num(e.value(), 4),
                            e == null ? Fmt.DASH : Fmt.bounds(e.ciLower(), e.ciUpper(), 4));
                }
                if (figures(c).isEmpty()) {
                    table.row(task, run.modelLabel(m), CounterfactualChart.kind(c.kind()), Fmt.count(c.sources()),
                            Fmt.count(c.pairs()), "no figure", null, null);
                }
            }
        }
        return table;
    }

    private static List<Map.Entry<String, Estimate>> figures(Counterfactual c) {
        List<Map.Entry<String, Estimate>> figures = new ArrayList<>(c.figures() == null ? List.of()
                : c.figures().entrySet());
        figures.removeIf(e -> e.getKey() == null);
        figures.sort(Comparator.comparing((Map.Entry<String, Estimate> e) -> rank(e.getKey()))
                .thenComparing(Map.Entry::getKey));
        return figures;
    }

    private static int rank(String metric) {
        int i = ORDER.indexOf(metric);
        return i < 0 ? ORDER.size() : i;
    }
}
