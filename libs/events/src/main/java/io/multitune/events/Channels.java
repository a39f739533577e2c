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

    private Channels() {
    }
}
