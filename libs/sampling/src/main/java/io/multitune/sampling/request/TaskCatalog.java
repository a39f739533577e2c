package io.multitune.sampling.request;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The datasets and tasks a run request may name. The sampler service keeps one up to date from the datasets topic;
 * {@link MapTaskCatalog} is the in-memory implementation. Implementations must be safe to read while updated.
 */
public interface TaskCatalog {

    /** The dataset with this id, if registered. */
    Optional<DatasetInfo> dataset(String datasetId);

    /** Every registered dataset feeding this task, in a stable order (by dataset id); empty for an unknown task. */
    List<DatasetInfo> datasetsOfTask(String taskId);

    /** Every task id with at least one dataset, sorted; used only to help a user who mistyped one. */
    default Collection<String> taskIds() {
        return List.of();
    }
}
