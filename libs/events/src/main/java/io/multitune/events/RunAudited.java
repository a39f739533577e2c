package io.multitune.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The run's bias audit, on {@link Topics#AUDITS}, keyed by run id: the bias transfer table (per task and bias
 * figure, the multi-task model against the task's baseline), the training data's representation of the identity
 * terms, the tasks not audited, and the bias gate's verdict.
 *
 * @param multiTaskJobId   the multi-task job audited
 * @param transfer         per task, bias figure and (for group figures) attribute: multi-task, baseline, difference
 * @param representation   per task, split and term category, how often each term column is mentioned
 * @param notAudited       tasks not audited, with why
 * @param missingBaselines tasks audited without their baseline
 * @param notes            what the reader needs to know to read the figures
 * @param verdict          the bias gate's verdict (the same shape as the evaluation's)
 * @param report           the bias report under the artifact root (role {@code bias-report}); null until written
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunAudited(int schemaVersion, String runId, String multiTaskJobId, String executionProvider,
                         List<TransferRow> transfer, List<Representation> representation,
                         List<ModelAudited.NotAudited> notAudited, List<String> missingBaselines, List<String> notes,
                         RunEvaluated.Verdict verdict, ModelTrained.Artifact report, Instant at)
        implements RunScoped {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String subject() {
        return runId;
    }

    /**
     * One bias figure of one task, multi-task against baseline; every figure is "higher is more biased".
     *
     * @param metric     the bias metric's wire name (e.g. {@code counterfactual-flip-rate}, {@code demographic-parity})
     * @param attribute  the group attribute, for group figures
     * @param baseline   null when the task has no baseline
     * @param difference multi-task − baseline: positive means multi-task training spread bias to the task
     * @param paired     whether the interval comes from resampling the same inputs for both models
     * @param gated      whether the gate's maxIncreaseOverBaseline applies to the figure
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TransferRow(String taskId, String metric, String attribute, Double multiTask, Double baseline,
                              Double difference, Double ciLower, Double ciUpper, Boolean paired, boolean gated) {
    }

    /**
     * How often one category's terms are mentioned in one split of a task's data, per column of the term list
     * (for gender: column 0 masculine, column 1 feminine).
     *
     * @param examples         examples of the task and split
     * @param mentionsByColumn mentions of the category's terms, per column
     * @param topTerms         the most mentioned terms with their counts, "term=count"
     */
    public record Representation(String taskId, String split, String category, long examples,
                                 List<Long> mentionsByColumn, List<String> topTerms) {
    }
}
