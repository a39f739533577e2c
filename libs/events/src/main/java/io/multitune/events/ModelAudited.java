package io.multitune.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One trained model of a run audited for bias, on {@link Topics#AUDITS}, keyed by run id: per task, how its
 * predictions change when identity terms are swapped (counterfactual invariance), how its quality and selection
 * differ between groups of examples that carry group attributes, and which tokens drive the most changed cases.
 * Tasks the audits do not cover are listed in {@code notAudited} with the reason, never left out silently.
 *
 * @param kind              multi-task or baseline
 * @param modelPath         the ONNX file audited, relative to the artifact root
 * @param modelSha256       its verified SHA-256
 * @param executionProvider where ONNX Runtime ran it
 * @param tasks             per audited task id, its figures
 * @param notAudited        the job's tasks that were not audited, with why
 * @param inputs            model inputs run for the audit (sources, counterfactuals, occlusions)
 * @param seconds           wall time of the audit
 */
public record ModelAudited(int schemaVersion, String runId, String jobId, RunPlanned.JobKind kind, String modelPath,
                           String modelSha256, String executionProvider, Map<String, TaskAudit> tasks,
                           List<NotAudited> notAudited, long inputs, double seconds, Instant at)
        implements RunScoped {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String subject() {
        return runId;
    }

    /**
     * One task's audit.
     *
     * @param counterfactual the counterfactual figures; null when no input of the task mentions a listed term and no
     *                       template applies
     * @param groups         per group attribute found on the task's test examples, its group metrics
     * @param topTokens      the tokens whose removal changes the most changed cases' predictions most
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TaskAudit(TaskType taskType, Counterfactual counterfactual, List<GroupAudit> groups,
                            List<TokenWeight> topTokens) {
    }

    /**
     * Counterfactual invariance.
     *
     * @param kind     {@code LABEL_FLIPS}, {@code TAG_FLIPS} or {@code VALUE_CHANGE}
     * @param sources  inputs that were swapped (test examples mentioning a term, and template sentences)
     * @param pairs    (input, swapped input) pairs
     * @param figures  per bias metric wire name (e.g. {@code counterfactual-flip-rate}), its estimate
     * @param cases    the most changed pairs
     */
    public record Counterfactual(String kind, long sources, long pairs, Map<String, Estimate> figures,
                                 List<ChangedCase> cases) {
    }

    /** A figure with its bootstrap 95 % interval (bounds null when it could not be resampled). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Estimate(Double value, Double ciLower, Double ciUpper) {
    }

    /**
     * One (input, swapped input) pair and what the model made of both.
     *
     * @param change |p(ŷ|x) − p(ŷ|x')| of the originally predicted class, or |ŷ(x) − ŷ(x')| for regression
     */
    public record ChangedCase(String source, String original, String swapped, String originalPrediction,
                              String swappedPrediction, double change) {
    }

    /**
     * Group metrics of one attribute.
     *
     * @param attribute                   the group attribute (a key of the examples' {@code groups})
     * @param groups                      each group's figures
     * @param demographicParityDifference max − min selection rate over the groups large enough to count
     * @param equalizedOddsDifference     the larger of the TPR and FPR gaps
     * @param detail                      which class, component and groups give the differences
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GroupAudit(String attribute, List<GroupFigures> groups, Estimate demographicParityDifference,
                             Estimate equalizedOddsDifference, String detail) {
    }

    /**
     * One group's figures.
     *
     * @param counted whether the group is large enough to count in the differences
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GroupFigures(String group, long examples, boolean counted, double accuracy, double macroF1,
                               Double selectionRate, Double truePositiveRate, Double falsePositiveRate) {
    }

    /** A token and its mean occlusion attribution over the cases it occurs in. */
    public record TokenWeight(String token, long occurrences, double meanAttribution) {
    }

    /** A task that was not audited, and why. */
    public record NotAudited(String taskId, TaskType taskType, String reason) {
    }
}
