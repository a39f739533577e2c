package io.multitune.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The run's end when it could not be judged, on {@link Topics#RUNS}, keyed by run id: the stage that failed and
 * why. A run ends with exactly one {@link RunCompleted} or one run-failed.
 *
 * @param stage  the stage that failed
 * @param jobId  the job at fault, when one is
 * @param reason a sentence saying what failed, or what was waited for and for how long
 * @param report the evaluator's report when the run got that far (the bias audit failed), else null
 * @param at     when the run ended
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunFailed(int schemaVersion, String runId, Stage stage, String jobId, String reason,
                        ModelTrained.Artifact report, Instant at) implements RunScoped {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String subject() {
        return runId;
    }

    /** Where in the pipeline a run stopped. */
    public enum Stage {
        /** The sampler rejected the request (the reason lists its problems). */
        REQUEST,
        /** No plan and no rejection arrived in time (the sampler is down, or the request never reached it). */
        PLANNING,
        /** The multi-task job's training failed, or the trainer stalled. */
        TRAINING,
        /** The multi-task model could not be evaluated, or no evaluation arrived in time. */
        EVALUATION,
        /** The multi-task model could not be audited, or no audit arrived in time. */
        AUDIT
    }
}
