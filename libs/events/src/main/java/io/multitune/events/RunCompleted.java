package io.multitune.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The run's end when it was judged, on {@link Topics#RUNS}, keyed by run id: the overall verdict (the evaluation
 * gate and the bias gate), the summary a reader needs without opening the report, what happened to every planned
 * job, and where the run's report is. A run ends with exactly one run-completed or one {@link RunFailed}.
 *
 * @param pass              both gates passed
 * @param reasons           every failed check of both gates, each prefixed with its gate ({@code evaluation:} or
 *                          {@code bias:})
 * @param evaluationVerdict the evaluation gate's verdict, as in the run-evaluated event
 * @param biasVerdict       the bias gate's verdict, as in the run-audited event
 * @param multiTaskJobId    the multi-task job judged
 * @param unifiedScore      the multi-task model's unified score on [0, 1]
 * @param baselineUnifiedScore the same figure for the baselines; null when no task has one
 * @param deltaMPercent     Δm in percent, positive = multi-task better; null when undefined
 * @param tasks             per task, the multi-task model against its baseline, as in the run-evaluated event
 * @param jobs              every planned job: trained, evaluated and audited, or why not
 * @param report            the run's report (evaluation and bias audit on one page, role {@code run-report})
 * @param evaluationReport  the evaluator's report
 * @param biasReport        the bias auditor's report
 * @param requestedAt       when the run was planned (the request's time is not on every request)
 * @param at                when the run ended
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunCompleted(int schemaVersion, String runId, boolean pass, List<String> reasons,
                           RunEvaluated.Verdict evaluationVerdict, RunEvaluated.Verdict biasVerdict,
                           String multiTaskJobId, double unifiedScore, Double baselineUnifiedScore,
                           Double deltaMPercent, List<RunEvaluated.TaskOutcome> tasks, List<JobOutcome> jobs,
                           ModelTrained.Artifact report, ModelTrained.Artifact evaluationReport,
                           ModelTrained.Artifact biasReport, Instant requestedAt, Instant at)
        implements RunScoped {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String subject() {
        return runId;
    }

    /**
     * What became of one planned job.
     *
     * @param plannedSteps the plan's training steps
     * @param trainedSteps the steps the trainer reported at the job's end; null when it never ended
     * @param training     how its training ended ({@code COMPLETED}, {@code EARLY_STOPPED}, {@code FAILED}); null
     *                     when it never ended
     * @param evaluated    a model-evaluated event exists for its model
     * @param audited      a model-audited event exists for its model
     * @param problems     why the job was not trained, evaluated or audited, one line each
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JobOutcome(String jobId, RunPlanned.JobKind kind, List<String> tasks, long plannedSteps,
                             Long trainedSteps, TrainingEnded.Outcome training, boolean evaluated, boolean audited,
                             List<String> problems) {
    }
}
