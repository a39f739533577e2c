package io.multitune.events;

/**
 * SmallRye Reactive Messaging channel names. Each channel is bound to one topic of {@link Topics}
 * in the owning service's application.properties; tests refer to the same constants.
 */
public final class Channels {
    /** data-ingest reads raw records, specs and end markers here. */
    public static final String RAW_IN = "raw-in";
    /** data-ingest publishes standard examples (and tombstones of removed ones) here. */
    public static final String EXAMPLES_OUT = "examples-out";
    /** data-ingest publishes rejected records here. */
    public static final String DLQ_OUT = "dlq-out";
    /** data-ingest publishes dataset registered and profiled events here. */
    public static final String DATASETS_OUT = "datasets-out";

    /**
     * The sampler's one input: examples (its pools), datasets (registrations, profiles), runs (requests and its own
     * earlier plans) and training (the trainer's acknowledgements, validation reports and job ends), read by one
     * consumer so that the sampler's state changes in the order the records arrive, on one thread.
     */
    public static final String SAMPLER_IN = "sampler-in";
    /** The sampler publishes run planned and run rejected events here. */
    public static final String RUNS_OUT = "runs-out";
    /** The sampler publishes training batches here. */
    public static final String BATCHES_OUT = "batches-out";
    /**
     * Services publish training events here: the trainer its progress; the sampler only a job's end when it cannot
     * continue a job (its example pool changed since the run was planned), so a waiting trainer learns why.
     */
    public static final String TRAINING_OUT = "training-out";

    /** The trainer reads run plans here, to queue each planned job as a ticket on {@link Topics#JOBS}. */
    public static final String TRAINER_RUNS_IN = "trainer-runs-in";
    /** The trainer queues job tickets here. */
    public static final String JOBS_OUT = "jobs-out";

    /**
     * The evaluator's one input: run plans (which models make a run) and training events (models trained, progress
     * and validation for the report, failed jobs), read by one consumer in arrival order.
     */
    public static final String EVALUATOR_IN = "evaluator-in";
    /** The evaluator publishes model-evaluated, evaluation-failed and run-evaluated events here. */
    public static final String EVALUATIONS_OUT = "evaluations-out";
    /**
     * The evaluator's second input, for the run lifecycle: runs, training, evaluations and audits, read by their own
     * consumer so that scoring a model never delays noticing a run's end or a silent stage.
     */
    public static final String LIFECYCLE_IN = "lifecycle-in";

    /**
     * The bias auditor's one input: run plans and training events (models trained, failed jobs), read by one
     * consumer in arrival order.
     */
    public static final String AUDITOR_IN = "auditor-in";
    /** The bias auditor publishes model-audited, audit-failed and run-audited events here. */
    public static final String AUDITS_OUT = "audits-out";

    private Channels() {
    }
}
