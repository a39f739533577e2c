package io.multitune.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * Per-task validation results of one validation round of a job, on {@link Topics#TRAINING}. The sampler's dynamic
 * mixing reads them; early stopping is decided by the trainer from the same figures.
 *
 * @param round the validation round (see {@link TrainingBatch#validationRound()})
 * @param step  training steps done before the round
 * @param tasks task id to its results
 */
public record ValidationReported(int schemaVersion, String runId, String jobId, int round, long step,
                                 Map<String, TaskResult> tasks, Instant at) implements RunScoped {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String subject() {
        return jobId;
    }

    /**
     * @param loss     mean validation loss
     * @param metric   name of the task's main metric (e.g. accuracy, macro-f1, token-accuracy, pearson)
     * @param score    value of the main metric
     * @param examples validation examples scored
     * @param stopped  the task has stopped improving (early stopping) and no longer pulls
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TaskResult(double loss, String metric, Double score, long examples, boolean stopped) {
    }
}
