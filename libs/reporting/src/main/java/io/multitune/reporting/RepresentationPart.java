package io.multitune.reporting;

import io.multitune.events.RunAudited.Representation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The training data's representation of the identity terms, per task and split: the stacked bar chart and a table
 * with the counts per column, the shares and the most mentioned terms. It is where a reader looks for the cause of a
 * spread: a task whose data mentions one side far more often than the other.
 */
final class RepresentationPart {

    static final String ID = "bias-representation";

    private RepresentationPart() {
    }

    static void write(Html html, BiasContext run, BiasLevel level) {
        level.open(html, ID, "Representation in the data");
        List<Representation> rows = rows(run);
        if (rows.isEmpty()) {
            html.element("p", run.audit().isEmpty() ? "No representation counts are available: the run has not been "
                    + "audited for bias." : "The audit counted no identity term in the tasks' data.", "class", "note");
            level.close(html);
            return;
        }
        html.element("p", "Mentions of the term lists' terms in each task's data, per split and category, split by "
                + "the list's columns (for gender: masculine and feminine terms). The dashed line marks equal "
                + "mentions.", "class", "explain");
        html.open("div", "class", "chart-wrap").raw(RepresentationChart.render(rows)).close("div");
        HtmlTable table = new HtmlTable("Mentions per task, split and category", "Task", "Split", "Category",
                "Examples", "Mentions per column", "Shares", "Most mentioned terms").numeric(3);
        for (Representation r : rows) {
            table.row(r.taskId(), r.split(), r.category(), Fmt.count(r.examples()), mentions(r), shares(r),
                    RunContext.nullSafe(r.topTerms()).isEmpty() ? "none" : String.join(", ", r.topTerms()));
        }
        table.writeTo(html);
        level.close(html);
    }

    /** The audit's rows in task order (the page's), each task's in the audit's order. */
    private static List<Representation> rows(BiasContext run) {
        List<Representation> all = run.audit().map(a -> RunContext.nullSafe(a.representation())).orElse(List.of())
                .stream().filter(Objects::nonNull).toList();
        List<Representation> ordered = new ArrayList<>();
        run.taskIds().forEach(t -> all.stream().filter(r -> t.equals(r.taskId())).forEach(ordered::add));
        all.stream().filter(r -> !ordered.contains(r)).forEach(ordered::add);
        return ordered;
    }

    private static String mentions(Representation r) {
        List<Long> m = RunContext.nullSafe(r.mentionsByColumn());
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < m.size(); i++) {
            parts.add(RepresentationChart.column(r.category(), i) + " " + Fmt.count(m.get(i) == null ? 0 : m.get(i)));
        }
        return parts.isEmpty() ? Fmt.DASH : String.join(" · ", parts);
    }

    private static String shares(Representation r) {
        List<Long> m = RunContext.nullSafe(r.mentionsByColumn());
        long total = m.stream().mapToLong(v -> v == null ? 0 : v).sum();
        if (total == 0) {
            return Fmt.DASH;
        }
        List<String> parts = new ArrayList<>();
        m.forEach(v -> parts.add(Fmt.percent((v == null ? 0 : v) * 100.0 / total, 1)));
        return String.join(" / ", parts);
    }
}
