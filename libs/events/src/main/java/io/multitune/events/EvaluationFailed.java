package io.multitune.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A model of a run could not be evaluated, on {@link Topics#EVALUATIONS}, keyed by run id. The evaluator stays
 * ready; the run's comparison goes on without this model (a failed baseline is reported as missing).
 *
 * @param jobId   the job whose model failed (its model-trained event)
 * @param problem what went wrong, as a machine-readable code
 * @param field   the file, field or example at fault (e.g. the model's path), when one is
 * @param reason  a sentence saying what went wrong and where
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationFailed(int schemaVersion, String runId, String jobId, Problem problem, String field,
                               String reason, Instant at) implements RunScoped {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String subject() {
        return runId;
    }

    /** Why a model could not be evaluated. */
    public enum Problem {
        /** The event names no model file, or the file is not under the artifact root. */
        MODEL_MISSING,
        /** The file's SHA-256 or size differs from the event's. */
        MODEL_HASH_MISMATCH,
        /** ONNX Runtime cannot load it, or it lacks a head of the job's tasks. */
        MODEL_UNREADABLE,
        /** A task of the job has no example in the test split. */
        NO_TEST_EXAMPLES,
        /** A test example cannot be encoded for its task (missing field, unknown label, ...). */
        BAD_TEST_EXAMPLE,
        /** The run's plan was never seen, so the model's tasks are unknown. */
        UNKNOWN_RUN,
        /** Scoring failed for another reason (the reason says which). */
        SCORING_ERROR
    }
}
