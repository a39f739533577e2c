package io.multitune.reporting;

import io.multitune.events.RunEvaluated;
import io.multitune.events.RunEvaluated.ReviewCase;
import java.util.List;

/**
 * The qualitative sample: per task some errors of the multi-task model and some examples where it disagrees with
 * the baseline, with both models' answers and confidences, so a reader can see what kind of mistakes the figures
 * count. Inputs are user data and printed escaped.
 */
final class ReviewSection {

    private ReviewSection() {
    }

    static void write(Html html, RunContext run) {
        html.open("section", "id", "review").element("h2", "Qualitative review");
        List<RunEvaluated.TaskReview> reviews = run.evaluation().map(RunEvaluated::review).map(RunContext::nullSafe)
                .orElse(List.of());
        if (reviews.isEmpty()) {
            html.element("p", "The evaluation carries no qualitative samples.", "class", "note");
        }
        for (RunEvaluated.TaskReview r : reviews) {
            if (r == null) {
                continue;
            }
            html.open("div", "class", "review").element("h3", r.taskId());
            cases(html, "Errors of the multi-task model", r.errors());
            cases(html, "Disagreements with the baseline", r.disagreements());
            html.close("div");
        }
        html.close("section").newline();
    }

    private static void cases(Html html, String title, List<ReviewCase> cases) {
        if (cases == null || cases.isEmpty()) {
            html.element("p", title + ": none in the sample.", "class", "note");
            return;
        }
        HtmlTable table = new HtmlTable(title, "Example", "Input", "Gold", "Multi-task", "Baseline");
        for (ReviewCase c : cases) {
            if (c != null) {
                table.rowWithClass("review-case", c.exampleId(), c.input(), c.gold(),
                        answer(c.mtlPrediction(), c.mtlConfidence()), c.stlPrediction() == null ? "no baseline"
                                : answer(c.stlPrediction(), c.stlConfidence()));
            }
        }
        table.writeTo(html);
    }

    private static String answer(String prediction, Double confidence) {
        return RequestText.orDash(prediction) + (Fmt.finite(confidence) ? " (" + Fmt.num(confidence, 2) + ")" : "");
    }
}
