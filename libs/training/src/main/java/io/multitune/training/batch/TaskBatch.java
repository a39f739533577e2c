package io.multitune.training.batch;

import io.multitune.encoder.tokens.EncodedBatch;

import java.util.List;

/**
 * One task's rows of a batch, tokenised, in the order the examples came.
 *
 * @param taskIndex  position of the task in the job's task list (the head and weighting index)
 * @param taskId     the task
 * @param exampleIds the examples, row by row
 * @param inputs     the encoded inputs, padded to this task's longest row
 * @param targets    the targets, row by row
 */
public record TaskBatch(int taskIndex, String taskId, List<String> exampleIds, EncodedBatch inputs,
                        TaskTargets targets) {

    public TaskBatch {
        exampleIds = List.copyOf(exampleIds);
        if (exampleIds.size() != inputs.size() || targets.rows() != inputs.size()) {
            throw new IllegalArgumentException("task " + taskId + ": " + exampleIds.size() + " ids, "
                    + inputs.size() + " encoded rows, " + targets.rows() + " targets");
        }
    }

    public int size() {
        return inputs.size();
    }
}
