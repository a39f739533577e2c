package io.multitune.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.multitune.training.batch.AssembledBatch;
import io.multitune.training.batch.TaskBatch;
import io.multitune.training.eval.TaskMetric;
import io.multitune.training.eval.TaskValidation;
import io.multitune.training.heads.TaskHead;

import java.util.ArrayList;
import java.util.List;

/**
 * One validation round: loss and main metric per task over the round's batches, in inference mode (no dropout, no
 * graph). Losses average per example (per labelled token for tagging) across batches; the metric accumulates from
 * the heads' logits on the host.
 */
public final class Validation {

    private final MultiTaskModel model;
    private final TaskMetric[] metrics;
    private final double[] lossSums;
    private final long[] lossCounts;

    public Validation(MultiTaskModel model) {
        this.model = model;
        this.metrics = new TaskMetric[model.tasks()];
        this.lossSums = new double[model.tasks()];
        this.lossCounts = new long[model.tasks()];
        for (int i = 0; i < metrics.length; i++) {
            metrics[i] = model.head(i).newMetric();
        }
    }

    /** Scores one validation batch. */
    public void add(AssembledBatch batch) {
        try (NDManager scratch = model.manager().newSubManager()) {
            for (TaskBatch task : batch.tasks()) {
                TaskHead head = model.head(task.taskIndex());
                NDArray hidden = model.encode(scratch, task.inputs(), false);
                NDArray mask = scratch.create(task.inputs().attentionMask(), task.inputs().shape());
                NDArray logits = head.logits(hidden, mask, false);
                TaskHead.HeadLoss loss = head.loss(logits, mask, task.targets());
                if (loss.count() > 0) {
                    lossSums[task.taskIndex()] += loss.mean().getFloat() * (double) loss.count();
                    lossCounts[task.taskIndex()] += loss.count();
                }
                metrics[task.taskIndex()].add(logits.toFloatArray(), logits.getShape().getShape(), task.targets());
            }
        }
    }

    /** The round's results in the job's task order; tasks without examples have NaN loss and score. */
    public List<TaskValidation> results() {
        List<TaskValidation> results = new ArrayList<>();
        for (int i = 0; i < metrics.length; i++) {
            double loss = lossCounts[i] == 0 ? Double.NaN : lossSums[i] / lossCounts[i];
            results.add(new TaskValidation(model.head(i).taskId(), loss, metrics[i].name(), metrics[i].score(),
                    metrics[i].examples()));
        }
        return results;
    }
}
