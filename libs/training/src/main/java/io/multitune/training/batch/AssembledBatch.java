package io.multitune.training.batch;

import io.multitune.encoder.tokens.EncodedBatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A batch split by task, ready for the model: one {@link TaskBatch} per task present, in the job's task order.
 *
 * @param sequence the batch's position in the job's stream
 * @param tasks    the present tasks' rows
 * @param padId    the id padding positions carry, for joining the tasks' rows into one encoder batch
 */
public record AssembledBatch(long sequence, List<TaskBatch> tasks, long padId) {

    public AssembledBatch {
        tasks = List.copyOf(tasks);
    }

    /** The rows of task {@code taskIndex}, if the batch has any. */
    public Optional<TaskBatch> task(int taskIndex) {
        return tasks.stream().filter(t -> t.taskIndex() == taskIndex).findFirst();
    }

    public int exampleCount() {
        return tasks.stream().mapToInt(TaskBatch::size).sum();
    }

    /**
     * The rows of the selected tasks as one encoder batch (padded to the longest row of all of them), for the
     * single forward pass of loss weighting; {@code rowOffsets[k]} is where the k-th selected task's rows start.
     */
    public Joined join(boolean[] taskSelected) {
        List<TaskBatch> selected = new ArrayList<>();
        for (TaskBatch t : tasks) {
            if (taskSelected[t.taskIndex()]) {
                selected.add(t);
            }
        }
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("no selected task has rows in batch " + sequence);
        }
        int[] offsets = new int[selected.size()];
        List<EncodedBatch> parts = new ArrayList<>();
        int row = 0;
        for (int k = 0; k < selected.size(); k++) {
            offsets[k] = row;
            row += selected.get(k).size();
            parts.add(selected.get(k).inputs());
        }
        return new Joined(EncodedBatches.concat(parts, padId), selected, offsets);
    }

    /** Several tasks' rows in one encoder batch. */
    public record Joined(EncodedBatch inputs, List<TaskBatch> tasks, int[] rowOffsets) {
    }
}
