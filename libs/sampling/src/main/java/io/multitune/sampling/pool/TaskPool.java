package io.multitune.sampling.pool;

import io.multitune.events.TaskType;
import java.util.Comparator;
import java.util.List;

/**
 * The examples of one task of a run, frozen when the run is planned. Both lists are sorted by example id, so
 * everything derived from a pool depends only on its content, never on the order examples arrived in.
 *
 * @param datasets   the datasets feeding the task, sorted
 * @param labels     the head's label (or tag) vocabulary, sorted; empty for regression and span tasks
 * @param train      training examples, sorted by id
 * @param validation validation examples, sorted by id
 */
public record TaskPool(String taskId, TaskType taskType, List<String> datasets, List<String> labels,
                       List<PoolExample> train, List<PoolExample> validation) {

    public TaskPool {
        datasets = datasets.stream().sorted().toList();
        labels = labels.stream().sorted().toList();
        train = train.stream().sorted(Comparator.comparing(PoolExample::id)).toList();
        validation = validation.stream().sorted(Comparator.comparing(PoolExample::id)).toList();
    }
}
