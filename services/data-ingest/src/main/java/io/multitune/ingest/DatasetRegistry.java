package io.multitune.ingest;

import io.multitune.events.DatasetSpec;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The datasets data-ingest knows, by dataset id. */
@Singleton
public class DatasetRegistry {
    private final ConcurrentMap<String, DatasetState> datasets = new ConcurrentHashMap<>();

    /** Registers a dataset, or applies a new spec to a known one (its examples and counts are kept). */
    DatasetState register(DatasetSpec spec) {
        return datasets.compute(spec.datasetId(), (id, existing) -> {
            if (existing == null) {
                return new DatasetState(spec);
            }
            synchronized (existing) {
                existing.apply(spec);
            }
            return existing;
        });
    }

    Optional<DatasetState> find(String datasetId) {
        return datasetId == null ? Optional.empty() : Optional.ofNullable(datasets.get(datasetId));
    }

    Collection<DatasetState> all() {
        return datasets.values();
    }

    public int size() {
        return datasets.size();
    }
}
