package io.multitune.sampling.request;

import io.multitune.events.DatasetProfiled;
import io.multitune.events.DatasetSpec;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link TaskCatalog} in memory, keyed by dataset id. Thread-safe: a consumer thread may update it while requests
 * are validated elsewhere. Catalogs are small (one entry per dataset), so task lookups simply scan.
 */
public final class MapTaskCatalog implements TaskCatalog {
    private static final Comparator<DatasetInfo> BY_ID = Comparator.comparing(DatasetInfo::datasetId);

    private final Map<String, DatasetInfo> datasets = new ConcurrentHashMap<>();

    public MapTaskCatalog() {
    }

    public MapTaskCatalog(Collection<DatasetInfo> entries) {
        entries.forEach(this::put);
    }

    public static MapTaskCatalog of(DatasetInfo... datasets) {
        return new MapTaskCatalog(List.of(datasets));
    }

    /** Adds or replaces a dataset. */
    public MapTaskCatalog put(DatasetInfo dataset) {
        datasets.put(dataset.datasetId(), dataset);
        return this;
    }

    /**
     * Records a (re-)registration. A dataset already profiled keeps its counts: a changed spec does not remove
     * examples, and the next profile brings the new counts.
     */
    public MapTaskCatalog register(DatasetSpec spec) {
        DatasetInfo fresh = DatasetInfo.registered(spec);
        datasets.merge(spec.datasetId(), fresh, (known, update) -> known.profiled()
                ? new DatasetInfo(known.datasetId(), update.taskId(), update.taskType(), update.labels(), true,
                        known.trainExamples(), known.validationExamples())
                : update);
        return this;
    }

    /** Records a profile; one for a dataset never registered here (a compacted or skipped spec) still counts. */
    public MapTaskCatalog profile(DatasetProfiled profile) {
        DatasetInfo known = datasets.get(profile.datasetId());
        DatasetInfo base = known != null ? known : new DatasetInfo(profile.datasetId(), profile.taskId(),
                profile.taskType(), null, false, 0, 0);
        datasets.put(profile.datasetId(), base.withProfile(profile));
        return this;
    }

    public MapTaskCatalog remove(String datasetId) {
        datasets.remove(datasetId);
        return this;
    }

    @Override
    public Optional<DatasetInfo> dataset(String datasetId) {
        return datasetId == null ? Optional.empty() : Optional.ofNullable(datasets.get(datasetId));
    }

    @Override
    public List<DatasetInfo> datasetsOfTask(String taskId) {
        return datasets.values().stream().filter(d -> d.taskId().equals(taskId)).sorted(BY_ID).toList();
    }

    @Override
    public Collection<String> taskIds() {
        return datasets.values().stream().map(DatasetInfo::taskId).distinct().sorted().toList();
    }
}
