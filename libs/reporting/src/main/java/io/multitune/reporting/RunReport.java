package io.multitune.reporting;

import java.util.Objects;

/**
 * Writes a run's report: one self-contained HTML page (inline CSS and SVG, no script, no link outside itself) that
 * shows whether the multi-task model beat one model per task, task by task, with the gate's verdict, the training
 * curves, the task weights, the gradient conflicts, every model's metrics, a qualitative sample and, when the run
 * was audited, the bias audit ({@link BiasReport}; one line saying it is not available otherwise). The evaluator
 * writes it under the artifact root and serves it at {@code /runs/{id}/report}; it is a pure function of the events,
 * so it can be regenerated and tested without a running pipeline.
 */
public final class RunReport {

    private RunReport() {
    }

    /**
     * The report as an HTML document. Never fails on missing pieces (no plan, no baselines, no progress events):
     * the page says what is missing instead.
     *
     * @param input the run's events; its nested collections may be null
     * @return a complete HTML5 document, UTF-8 text
     */
    public static String html(RunReportInput input) {
        Objects.requireNonNull(input, "input");
        RunContext run = new RunContext(input);
        Html html = new Html();
        html.raw("<!DOCTYPE html>\n").open("html", "lang", "en").open("head").raw("<meta charset=\"utf-8\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .element("title", "multitune run " + run.runId() + " · report")
                .open("style").raw(Styles.CSS).close("style").close("head").newline();
        html.open("body").open("main");
        navigation(html, input.bias() != null);
        HeaderSection.write(html, run);
        GateSection.write(html, run);
        ComparisonSection.write(html, run);
        TrainingCurvesSection.write(html, run);
        TaskWeightsSection.write(html, run);
        ConflictSection.write(html, run);
        ModelMetricsSection.write(html, run);
        ReviewSection.write(html, run);
        if (input.bias() == null) {
            html.element("p", "bias audit: not available", "id", BiasReport.SECTION_ID, "class", "note bias-absent");
        } else {
            BiasReport.write(html, new BiasContext(input.bias()));
        }
        html.element("footer", "multitune run report · generated " + Fmt.time(input.generatedAt())
                + " · self-contained: no script, no network");
        return html.close("main").close("body").close("html").newline().toString();
    }

    private static void navigation(Html html, boolean bias) {
        html.open("nav", "aria-label", "Sections");
        String[][] links = {{"gate", "Gate"}, {"comparison", "Multi-task vs baselines"},
                {TrainingCurvesSection.ID, "Training curves"}, {"task-weights", "Task weights"},
                {"conflicts", "Gradient conflicts"}, {"models", "Models"}, {"review", "Qualitative review"}};
        for (String[] link : links) {
            html.element("a", link[1], "href", "#" + link[0]);
        }
        if (bias) {
            html.element("a", "Bias audit", "href", "#" + BiasReport.SECTION_ID);
        }
        html.close("nav").newline();
    }
}
