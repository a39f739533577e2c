package io.multitune.sampling.request;

import io.multitune.events.DatasetProfiled;
import io.multitune.events.DatasetSpec;
import io.multitune.events.Split;
import io.multitune.events.TaskType;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the sampler knows of one dataset: its spec once registered, its example counts once profiled.
 *
 * @param datasetId          the dataset id
 * @param taskId             the task it feeds
 * @param taskType           its task type
 * @param labels             the label set of its spec, or null when the spec accepts any label
 * @param profiled           whether a profile has been seen; until then the counts are 0 and mean nothing
 * @param trainExamples      live training examples (from the profile)
 * @param validationExamples live validation examples (from the profile)
 */
public record DatasetInfo(String datasetId, String taskId, TaskType taskType, List<String> labels, boolean profiled,
                          long trainExamples, long validationExamples) {

    public DatasetInfo {
        Objects.requireNonNull(datasetId, "datasetId");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(taskType, "taskType");
        labels = labels == null ? null : List.copyOf(labels);
    }

    /** A dataset registered but not yet profiled: a run using it waits for its profile. */
    public static DatasetInfo registered(DatasetSpec spec) {
        return new DatasetInfo(spec.datasetId(), spec.taskId(), spec.taskType(), spec.labels(), false, 0, 0);
    }

    /** This dataset with the counts of a profile (provisional profiles count too: their data has gone idle). */
    public DatasetInfo withProfile(DatasetProfiled profile) {
        Map<String, Long> splits = profile.splits() == null ? Map.of() : profile.splits();
        return new DatasetInfo(datasetId, taskId, taskType, labels, true,
                splits.getOrDefault(Split.TRAIN.wireName(), 0L),
                splits.getOrDefault(Split.VALIDATION.wireName(), 0L));
    }

    /** This dataset as profiled with the given counts; for tests and callers that count themselves. */
    public DatasetInfo withCounts(long train, long validation) {
        return new DatasetInfo(datasetId, taskId, taskType, labels, true, train, validation);
    }
}
