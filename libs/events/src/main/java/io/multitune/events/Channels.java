package io.multitune.events;

/**
 * SmallRye Reactive Messaging channel names. Each channel is bound to one topic of {@link Topics}
 * in the owning service's application.properties; tests refer to the same constants.
 */
public final class Channels {
    /** data-ingest reads raw records, specs and end markers here. */
    public static final String RAW_IN = "raw-in";

    private Channels() {
    }
}
