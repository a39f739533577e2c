package io.multitune.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The run's evaluation, on {@link Topics#EVALUATIONS}, keyed by run id: the multi-task model against the single-task
 * baselines, task by task, with the gate's verdict and where the report is.
 *
 * @param multiTaskJobId       the multi-task job judged
 * @param executionProvider    where ONNX Runtime ran the models ({@code CUDA} or {@code CPU})
 * @param unifiedScore         the multi-task model's unified score on [0, 1]
 * @param baselineUnifiedScore the same figure for the baselines, over the tasks that have one; null when none has
 * @param deltaMPercent        Δm in percent over the tasks with a baseline, positive = multi-task better; null when
 *                             undefined (no baseline, or every baseline metric is 0)
 * @param tasks                per task, the comparison (baseline fields null when its baseline is missing)
 * @param missingBaselines     tasks evaluated without their baseline (it failed, was not requested, or did not
 *                             arrive within the timeout)
 * @param notes                what the reader needs to know to read the figures (left-out tasks, timeouts, ...)
 * @param verdict              the gate's verdict
 * @param review               per task, a bounded sample of errors and of disagreements with the baseline
 * @param report               the HTML report under the artifact root (role {@code report})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunEvaluated(int schemaVersion, String runId, String multiTaskJobId, String executionProvider,
                           double unifiedScore, Double baselineUnifiedScore, Double deltaMPercent,
                           List<TaskOutcome> tasks, List<String> missingBaselines, List<String> notes,
                           Verdict verdict, List<TaskReview> review, ModelTrained.Artifact report, Instant at)
        implements RunScoped {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String subject() {
        return runId;
    }

    /**
     * One task, multi-task model against its baseline.
     *
     * @param metric                the primary metric
     * @param higherIsBetter        the metric's direction
     * @param weight                the task's weight in the unified score
     * @param examples              test examples both models were scored on
     * @param mtl                   the multi-task model's value
     * @param stl                   the baseline's value; null when missing
     * @param difference            mtl − stl
     * @param ciLower               paired bootstrap interval of the difference, lower bound
     * @param ciUpper               upper bound
     * @param alpha                 1 − the interval's confidence, and McNemar's level
     * @param mcnemar               McNemar's test on paired correctness (classification only)
     * @param relativeChangePercent sign-adjusted relative change against the baseline, positive = better
     * @param negativeTransfer      the multi-task model is significantly worse than the baseline
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TaskOutcome(String taskId, TaskType taskType, String metric, boolean higherIsBetter, double weight,
                              long examples, double mtl, Double stl, Double difference, Double ciLower,
                              Double ciUpper, Double alpha, McNemar mcnemar, Double relativeChangePercent,
                              boolean negativeTransfer) {
    }

    /**
     * McNemar's test.
     *
     * @param mtlOnlyRight examples only the multi-task model got right (b)
     * @param stlOnlyRight examples only the baseline got right (c)
     * @param method       exact binomial or chi-square with continuity correction
     * @param statistic    the chi-square statistic; null for the exact test
     */
    public record McNemar(long mtlOnlyRight, long stlOnlyRight, String method, Double statistic, double pValue) {
    }

    /** The gate's verdict: it passes when every check does; reasons are the failed checks' details. */
    public record Verdict(boolean pass, List<String> reasons, List<Check> checks) {
    }

    /** One check of the gate, with the figures it judged. */
    public record Check(String name, boolean passed, String detail) {
    }

    /** A task's qualitative sample: some errors of the multi-task model and some disagreements with the baseline. */
    public record TaskReview(String taskId, List<ReviewCase> errors, List<ReviewCase> disagreements) {
    }

    /**
     * One example as both models saw it.
     *
     * @param input         the example's text (text pairs joined by " ‖ ", QA as question ‖ context), cut to a bound
     * @param gold          the gold answer as text
     * @param mtlPrediction the multi-task model's answer
     * @param mtlConfidence its probability, when the head gives one
     * @param stlPrediction the baseline's answer; null when there is no baseline
     * @param stlConfidence its probability
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReviewCase(String exampleId, String input, String gold, String mtlPrediction, Double mtlConfidence,
                             String stlPrediction, Double stlConfidence) {
    }
}
