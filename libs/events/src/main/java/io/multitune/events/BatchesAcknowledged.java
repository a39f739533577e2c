package io.multitune.events;

import java.time.Instant;

/**
 * The trainer has consumed a job's batches up to and including {@code sequence}, on {@link Topics#TRAINING}.
 * The sampler stays at most its window of batches ahead of the last acknowledgement.
 */
public record BatchesAcknowledged(int schemaVersion, String runId, String jobId, long sequence, Instant at)
        implements RunScoped {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String subject() {
        return jobId;
    }
}
