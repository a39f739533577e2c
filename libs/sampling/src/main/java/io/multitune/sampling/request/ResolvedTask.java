package io.multitune.sampling.request;

import io.multitune.events.TaskType;
import java.util.List;
import java.util.Objects;

/**
 * One task of a run as the planner needs it: what a {@link io.multitune.events.RunRequest.TaskRef} stands for once
 * looked up in the {@link TaskCatalog}.
 *
 * @param taskId   the task id (for a reference by dataset id, the task that dataset feeds)
 * @param taskType the task type (that of its first dataset; the validator ensures they agree)
 * @param datasets the datasets feeding the task in this run, at least one
 * @param weight   the task's static weight
 */
public record ResolvedTask(String taskId, TaskType taskType, List<DatasetInfo> datasets, double weight) {

    public ResolvedTask {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(taskType, "taskType");
        datasets = List.copyOf(datasets);
        if (datasets.isEmpty()) {
            throw new IllegalArgumentException("task " + taskId + " has no datasets");
        }
    }

    public List<String> datasetIds() {
        return datasets.stream().map(DatasetInfo::datasetId).toList();
    }

    /** Whether every dataset of the task has been profiled, so its counts are known. */
    public boolean profiled() {
        return datasets.stream().allMatch(DatasetInfo::profiled);
    }

    public long trainExamples() {
        return datasets.stream().mapToLong(DatasetInfo::trainExamples).sum();
    }

    public long validationExamples() {
        return datasets.stream().mapToLong(DatasetInfo::validationExamples).sum();
    }
}
