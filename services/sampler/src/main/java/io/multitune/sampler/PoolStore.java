package io.multitune.sampler;

import io.multitune.events.Split;
import io.multitune.sampling.pool.ExampleSlabs;
import io.multitune.sampling.pool.PoolExample;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The live examples of every dataset, as read from the compacted examples topic: a later record with the same id
 * replaces an example (it may have moved split), a tombstone removes it. Training and validation examples are
 * kept (with their JSON, which batches carry verbatim); test examples are only counted, since the sampler never
 * hands them out. Confined to the engine's thread.
 */
final class PoolStore {
    private final Map<String, PoolExample> byId = new HashMap<>();
    private final Map<String, String> testDatasetById = new HashMap<>();
    private final Map<String, DatasetPool> byDataset = new HashMap<>();
    private final ExampleSlabs slabs = new ExampleSlabs();

    /** Where examples' JSON is kept: off the heap, so pools never weigh on garbage collection. */
    ExampleSlabs slabs() {
        return slabs;
    }

    void put(PoolExample example) {
        remove(example.id());
        if (example.split() == Split.TEST) {
            testDatasetById.put(example.id(), example.datasetId());
            dataset(example.datasetId()).count(Split.TEST, 1);
            return;
        }
        byId.put(example.id(), example);
        DatasetPool pool = dataset(example.datasetId());
        pool.examples(example.split()).put(example.id(), example);
        pool.count(example.split(), 1);
    }

    void remove(String exampleId) {
        PoolExample old = byId.remove(exampleId);
        if (old != null) {
            DatasetPool pool = dataset(old.datasetId());
            pool.examples(old.split()).remove(exampleId);
            pool.count(old.split(), -1);
            return;
        }
        String testDataset = testDatasetById.remove(exampleId);
        if (testDataset != null) {
            dataset(testDataset).count(Split.TEST, -1);
        }
    }

    /** Live examples of a dataset per split (test included). */
    Map<Split, Long> counts(String datasetId) {
        DatasetPool pool = byDataset.get(datasetId);
        Map<Split, Long> counts = new EnumMap<>(Split.class);
        for (Split split : Split.values()) {
            counts.put(split, pool == null ? 0L : pool.counts.getOrDefault(split, 0L));
        }
        return counts;
    }

    /** A copy of a dataset's examples of one split (train or validation), in no particular order. */
    List<PoolExample> examples(String datasetId, Split split) {
        DatasetPool pool = byDataset.get(datasetId);
        return pool == null ? List.of() : new ArrayList<>(pool.examples(split).values());
    }

    long size() {
        return byId.size() + testDatasetById.size();
    }

    private DatasetPool dataset(String datasetId) {
        return byDataset.computeIfAbsent(datasetId, d -> new DatasetPool());
    }

    private static final class DatasetPool {
        final Map<String, PoolExample> train = new HashMap<>();
        final Map<String, PoolExample> validation = new HashMap<>();
        final Map<Split, Long> counts = new EnumMap<>(Split.class);

        Map<String, PoolExample> examples(Split split) {
            return split == Split.VALIDATION ? validation : train;
        }

        void count(Split split, long delta) {
            counts.merge(split, delta, Long::sum);
        }
    }
}
