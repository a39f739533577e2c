package io.multitune.events;

/**
 * An event of the pipeline. Every event is an immutable record that carries the schema version it was
 * written with; the {@link EventCodec} refuses to read a version it does not know.
 */
public interface PipelineEvent {
    /** Version of this event's schema, written into the JSON body. */
    int schemaVersion();

    /** The CloudEvents subject: the id of the run, job or dataset this event is about. */
    String subject();
}
