package io.multitune.events;

import java.time.Instant;

/**
 * A trainer replica has taken a job, on {@link Topics#TRAINING}: from the start, or resumed from a checkpoint.
 *
 * @param replica         the replica that trains it
 * @param resumedFromStep the checkpoint's step (0 for a fresh start)
 * @param totalSteps      the job's planned training steps
 */
public record TrainingStarted(int schemaVersion, String runId, String jobId, String replica, long resumedFromStep,
                              long totalSteps, Instant at) implements RunScoped {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String subject() {
        return jobId;
    }
}
