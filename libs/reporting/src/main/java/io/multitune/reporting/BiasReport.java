package io.multitune.reporting;

import java.util.Objects;

/**
 * Writes a run's bias report: whether multi-task training made the model more biased than one model per task,
 * task by task, and why the bias gate decided as it did. The same parts are written as a page of their own
 * ({@code runs/<run>/bias-report.html}, written by the bias auditor) and as the bias section of the run's report
 * ({@link RunReport}), so that a reader of either sees the same figures. Like the run's report it is a pure function
 * of events: inline CSS and SVG, no script, no link outside itself, every user text escaped (changed cases are user
 * data), every number in {@link java.util.Locale#ROOT}, and a dash or a sentence for whatever is missing.
 * <p>
 * Order of the parts: the gate (verdict, checks, not-audited tasks, missing baselines), the bias transfer chart and
 * table (the report's main figure), the counterfactual figures and most changed cases, the group metrics, the
 * explanations (top tokens), and the training data's representation of the identity terms.
 */
public final class BiasReport {

    /** The id of the bias section in the run's report. */
    static final String SECTION_ID = "bias";

    private static final String[][] PARTS = {{BiasGatePart.ID, "Bias gate"},
            {BiasTransferPart.ID, "Bias transfer"}, {CounterfactualPart.ID, "Counterfactuals"},
            {GroupMetricsPart.ID, "Group metrics"}, {ExplanationsPart.ID, "Explanations"},
            {RepresentationPart.ID, "Representation"}};

    private BiasReport() {
    }

    /**
     * A self-contained page of its own ({@code runs/<run>/bias-report.html}). Never fails on missing pieces.
     *
     * @param input the run's audit events; nested collections may be null
     * @return a complete HTML5 document, UTF-8 text
     */
    public static String html(BiasReportInput input) {
        Objects.requireNonNull(input, "input");
        BiasContext run = new BiasContext(input);
        Html html = new Html();
        html.raw("<!DOCTYPE html>\n").open("html", "lang", "en").open("head").raw("<meta charset=\"utf-8\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .element("title", "multitune run " + run.runId() + " · bias report")
                .open("style").raw(Styles.CSS).close("style").close("head").newline();
        html.open("body").open("main");
        html.open("nav", "aria-label", "Sections");
        for (String[] part : PARTS) {
            html.element("a", part[1], "href", "#" + part[0]);
        }
        html.close("nav").newline();
        html.open("header", "class", "run-header");
        BiasSummary.title(html, run, "h1", "Bias audit · run " + run.runId());
        BiasSummary.write(html, run);
        html.close("header").newline();
        parts(html, run, BiasLevel.PAGE);
        html.element("footer", "multitune bias report · generated " + Fmt.time(input.generatedAt())
                + " · self-contained: no script, no network");
        return html.close("main").close("body").close("html").newline().toString();
    }

    /**
     * The same content as one {@code <section id="bias">}, for embedding in the run's report page: its style sheet
     * is the report's ({@link Styles#CSS}).
     *
     * @param input the run's audit events; nested collections may be null
     * @return the section's markup
     */
    public static String section(BiasReportInput input) {
        Objects.requireNonNull(input, "input");
        Html html = new Html();
        write(html, new BiasContext(input));
        return html.toString();
    }

    static void write(Html html, BiasContext run) {
        html.open("section", "id", SECTION_ID, "class", "bias-audit");
        BiasSummary.title(html, run, "h2", "Bias audit");
        BiasSummary.write(html, run);
        parts(html, run, BiasLevel.EMBEDDED);
        html.close("section").newline();
    }

    private static void parts(Html html, BiasContext run, BiasLevel level) {
        BiasGatePart.write(html, run, level);
        BiasTransferPart.write(html, run, level);
        CounterfactualPart.write(html, run, level);
        GroupMetricsPart.write(html, run, level);
        ExplanationsPart.write(html, run, level);
        RepresentationPart.write(html, run, level);
    }
}
