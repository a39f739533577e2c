package io.multitune.events;

import java.time.Instant;

/** A dataset spec was accepted by data-ingest, on {@link Topics#DATASETS}. Re-registering replaces the spec. */
public record DatasetRegistered(int schemaVersion, DatasetSpec spec, Instant registeredAt) implements PipelineEvent {
    public static final int SCHEMA_VERSION = 1;

    @Override
    public String subject() {
        return spec.datasetId();
    }
}
