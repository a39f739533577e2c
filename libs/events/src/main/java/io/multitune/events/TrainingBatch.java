package io.multitune.events;

import java.util.List;

/**
 * One batch of a training job, on {@link Topics#BATCHES}, keyed by job id; batches of a job are numbered from 0
 * without gaps. It carries whole examples, so the trainer needs no other store. A validation round is a run of
 * VALIDATION batches after training step {@code step}; the trainer reports it with {@link ValidationReported}.
 *
 * @param sequence        position of this batch in the job's stream (training and validation batches alike)
 * @param kind            TRAIN or VALIDATION
 * @param step            TRAIN: the training step this batch is (from 1); VALIDATION: the steps done before it
 * @param validationRound VALIDATION: the round (from 1); TRAIN: 0
 * @param last            true on the last batch of the job's stream
 */
public record TrainingBatch(int schemaVersion, String runId, String jobId, long sequence, Kind kind, long step,
                            int validationRound, boolean last, List<StandardExample> examples)
        implements RunScoped {

    public static final int SCHEMA_VERSION = 1;
    /** Kafka header with the batch's sequence number, so a reader can find a job's position without the body. */
    public static final String SEQUENCE_HEADER = "mt_seq";

    @Override
    public String subject() {
        return jobId;
    }

    /** Training or validation batch. */
    public enum Kind { TRAIN, VALIDATION }
}
