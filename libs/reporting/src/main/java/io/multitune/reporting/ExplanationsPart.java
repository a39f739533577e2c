package io.multitune.reporting;

/**
 * Explanations of the most changed cases: which tokens, removed one at a time, change the prediction most. It tells
 * a reader whether a flip comes from the swapped identity term itself or from words around it.
 */
final class ExplanationsPart {

    static final String ID = "bias-explanations";

    private ExplanationsPart() {
    }

    static void write(Html html, BiasContext run, BiasLevel level) {
        level.open(html, ID, "Explanations: top tokens");
        boolean any = run.taskIds().stream().anyMatch(t -> run.modelsFor(t).stream()
                .anyMatch(m -> !TopTokensChart.tokens(m, t).isEmpty()));
        if (run.taskIds().isEmpty()) {
            html.element("p", "No explanations are available: no model of the run has been audited.", "class",
                    "note");
            level.close(html);
            return;
        }
        html.element("p", "Occlusion on the most changed cases: each token is removed (or masked) in turn and its "
                + "attribution is p(ŷ|x) − p(ŷ|x without it). Tokens are ranked by their total attribution over the "
                + "cases; bars show the mean over the n occurrences. Up to " + TopTokensChart.MAX_TOKENS
                + " tokens per task and model.", "class", "explain");
        if (!any) {
            html.element("p", "No model reported top tokens for any task.", "class", "note");
        }
        html.open("div", "class", "chart-wrap").raw(TopTokensChart.render(run)).close("div");
        level.close(html);
    }
}
