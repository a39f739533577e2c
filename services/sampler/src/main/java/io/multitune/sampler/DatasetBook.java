package io.multitune.sampler;

import io.multitune.events.DatasetProfiled;
import io.multitune.events.DatasetRegistered;
import io.multitune.events.Split;
import io.multitune.events.TaskType;
import io.multitune.sampling.pool.PoolExample;
import io.multitune.sampling.pool.TaskPool;
import io.multitune.sampling.request.DatasetInfo;
import io.multitune.sampling.request.MapTaskCatalog;
import io.multitune.sampling.request.ResolvedTask;
import io.multitune.sampling.request.TaskCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The datasets the sampler knows, from the datasets topic (specs and profiles), and the pools of their examples.
 * A dataset's pool is complete when it holds exactly the training and validation examples its latest profile
 * counts: only then can a run use it, since the examples topic and the profile are read independently.
 */
final class DatasetBook {
    private final MapTaskCatalog catalog = new MapTaskCatalog();
    private final Map<String, DatasetRegistered> specs = new HashMap<>();
    private final Map<String, DatasetProfiled> profiles = new HashMap<>();
    private final PoolStore pools = new PoolStore();

    void registered(DatasetRegistered event) {
        specs.put(event.spec().datasetId(), event);
        catalog.register(event.spec());
        DatasetProfiled profile = profiles.get(event.spec().datasetId());
        if (profile != null) {
            catalog.profile(profile);
        }
    }

    void profiled(DatasetProfiled event) {
        profiles.put(event.datasetId(), event);
        if (specs.containsKey(event.datasetId())) {
            catalog.profile(event);
        }
    }

    PoolStore pools() {
        return pools;
    }

    TaskCatalog catalog() {
        return catalog;
    }

    /** Why the dataset's pool is not complete yet, or empty when it is. */
    Optional<String> incomplete(String datasetId) {
        DatasetProfiled profile = profiles.get(datasetId);
        if (profile == null) {
            return Optional.of("not profiled yet");
        }
        Map<Split, Long> have = pools.counts(datasetId);
        Map<String, Long> want = profile.splits() == null ? Map.of() : profile.splits();
        for (Split split : List.of(Split.TRAIN, Split.VALIDATION)) {
            long expected = want.getOrDefault(split.wireName(), 0L);
            if (have.get(split) != expected) {
                return Optional.of(String.format("%d of %d %s examples read", have.get(split), expected,
                        split.wireName()));
            }
        }
        return Optional.empty();
    }

    /** The frozen pool of a task over the given datasets. */
    TaskPool pool(String taskId, TaskType taskType, List<String> datasetIds) {
        List<PoolExample> train = new ArrayList<>();
        List<PoolExample> validation = new ArrayList<>();
        for (String id : datasetIds) {
            train.addAll(pools.examples(id, Split.TRAIN));
            validation.addAll(pools.examples(id, Split.VALIDATION));
        }
        return new TaskPool(taskId, taskType, datasetIds, labels(taskType, datasetIds), train, validation);
    }

    TaskPool pool(ResolvedTask task) {
        return pool(task.taskId(), task.taskType(), task.datasetIds());
    }

    /**
     * The head's vocabulary: the specs' label sets when they fix one, else every label (or tag) the profiles saw
     * in any split, so a label seen only in validation still has an output.
     */
    private List<String> labels(TaskType taskType, List<String> datasetIds) {
        if (taskType != TaskType.TEXT_CLASSIFICATION && taskType != TaskType.TEXT_PAIR_CLASSIFICATION
                && taskType != TaskType.TOKEN_CLASSIFICATION) {
            return List.of();
        }
        TreeSet<String> labels = new TreeSet<>();
        for (String id : datasetIds) {
            Optional<DatasetInfo> info = catalog.dataset(id);
            if (info.isPresent() && info.get().labels() != null) {
                labels.addAll(info.get().labels());
            } else if (profiles.containsKey(id) && profiles.get(id).labelsBySplit() != null) {
                profiles.get(id).labelsBySplit().values().forEach(bySplit -> labels.addAll(bySplit.keySet()));
            }
        }
        return List.copyOf(labels);
    }
}
