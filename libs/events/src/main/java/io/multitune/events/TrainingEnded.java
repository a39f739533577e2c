package io.multitune.events;

import java.time.Instant;

/**
 * A job's training ended, on {@link Topics#TRAINING}; the sampler stops publishing its batches.
 *
 * @param step training steps done
 */
public record TrainingEnded(int schemaVersion, String runId, String jobId, Outcome outcome, long step,
                            String message, Instant at) implements RunScoped {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String subject() {
        return jobId;
    }

    /** How a job's training ended. */
    public enum Outcome { COMPLETED, EARLY_STOPPED, FAILED }
}
