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

    /** The sampler reads standard examples (its example pools) here. */
    public static final String EXAMPLES_IN = "examples-in";
    /** The sampler reads dataset registered and profiled events here. */
    public static final String DATASETS_IN = "datasets-in";
    /** The sampler reads run requests (and its own earlier plans, on restart) here. */
    public static final String RUNS_IN = "runs-in";
    /** The sampler publishes run planned and run rejected events here. */
    public static final String RUNS_OUT = "runs-out";
    /** The sampler publishes training batches here. */
    public static final String BATCHES_OUT = "batches-out";
    /** The sampler reads the trainer's acknowledgements, validation reports and job ends here. */
    public static final String TRAINING_IN = "training-in";

    private Channels() {
    }
}
