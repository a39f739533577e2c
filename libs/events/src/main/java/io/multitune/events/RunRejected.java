package io.multitune.events;

import java.time.Instant;
import java.util.List;

/**
 * A run request that cannot run, on {@link Topics#RUNS}: every problem found, field by field, so a user fixes
 * them all at once.
 */
public record RunRejected(int schemaVersion, String runId, List<Problem> problems, Instant rejectedAt)
        implements RunScoped {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String subject() {
        return runId;
    }

    /**
     * One problem of a request.
     *
     * @param field   the offending field as a path, e.g. {@code tasks[1]} or {@code sampling.temperature}
     * @param reason  a machine-readable reason code
     * @param message what is wrong, for people
     */
    public record Problem(String field, Reason reason, String message) {
    }

    /** Why a request cannot run. */
    public enum Reason {
        /** The request is not valid JSON or YAML, or a field has the wrong type. */
        MALFORMED,
        /** A required field is missing or empty. */
        MISSING_FIELD,
        /** No task or dataset has this id. */
        UNKNOWN_TASK,
        /** The task has no training (or, with validation on, no validation) examples. */
        NO_EXAMPLES,
        /** A strategy, adapter type, batch mode or schedule name is not known. */
        UNKNOWN_STRATEGY,
        /** A parameter is out of range or contradicts another. */
        BAD_PARAMETER,
        /** The datasets of a task disagree (task type, label set). */
        INCOMPATIBLE_DATASETS,
        /** The task type cannot be trained by the current trainer. */
        UNSUPPORTED_TASK_TYPE,
        /** A dataset was still being ingested when the wait for its profile ran out. */
        PROFILE_TIMEOUT,
        /** A run with this id was already planned. */
        DUPLICATE_RUN,
        /** The sampler failed while planning a valid request: a bug, reported instead of hanging the request. */
        PLANNING_FAILED
    }
}
