package io.multitune.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import io.multitune.training.batch.AssembledBatch;
import io.multitune.training.batch.TaskBatch;
import io.multitune.training.heads.TaskHead;

/**
 * Forward passes that end in per-task losses: all selected tasks' rows through the encoder at once (each head on
 * its own rows, cut back to the task's own length), or one task's rows alone. Arrays belong to {@code scratch}.
 */
final class TaskLosses {

    private TaskLosses() {
    }

    /** Entry i: task i's mean loss, null for tasks not selected or without rows. */
    static NDArray[] joined(MultiTaskModel model, NDManager scratch, AssembledBatch batch, boolean[] selected,
                            boolean training) {
        AssembledBatch.Joined joined = batch.join(selected);
        NDArray hidden = model.encode(scratch, joined.inputs(), training);
        NDArray[] losses = new NDArray[model.tasks()];
        for (int k = 0; k < joined.tasks().size(); k++) {
            TaskBatch task = joined.tasks().get(k);
            int from = joined.rowOffsets()[k];
            NDArray rows = hidden.get(new NDIndex("{}:{}, :{}, :", from, from + task.size(),
                    task.inputs().length()));
            losses[task.taskIndex()] = headLoss(model.head(task.taskIndex()), scratch, rows, task, training);
        }
        return losses;
    }

    /** One task's rows alone. */
    static NDArray single(MultiTaskModel model, NDManager scratch, TaskBatch task, boolean training) {
        NDArray hidden = model.encode(scratch, task.inputs(), training);
        return headLoss(model.head(task.taskIndex()), scratch, hidden, task, training);
    }

    private static NDArray headLoss(TaskHead head, NDManager scratch, NDArray hidden, TaskBatch task,
                                    boolean training) {
        NDArray mask = scratch.create(task.inputs().attentionMask(), task.inputs().shape());
        NDArray logits = head.logits(hidden, mask, training);
        return head.loss(logits, mask, task.targets()).mean();
    }
}
