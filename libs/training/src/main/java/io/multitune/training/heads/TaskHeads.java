package io.multitune.training.heads;

import ai.djl.ndarray.NDManager;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.training.UnsupportedTaskException;

import java.util.List;
import java.util.SplittableRandom;

/** Creates the head a task type needs; refuses text-to-text, which an encoder cannot train. */
public final class TaskHeads {

    private TaskHeads() {
    }

    /**
     * @param manager the model's manager (the head's parameters live there)
     * @param task    the task, with its label list from the job plan
     * @param hidden  the encoder's hidden size
     * @param dropout dropout on the head's input while training (the encoder's hidden dropout)
     * @param seed    seed of the head's initial weights
     */
    public static TaskHead create(NDManager manager, TaskPlan task, int hidden, float dropout, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String id = task.taskId();
        List<String> labels = task.labels() == null ? List.of() : task.labels();
        return switch (task.taskType()) {
            case TEXT_CLASSIFICATION, TEXT_PAIR_CLASSIFICATION ->
                    new SequenceClassificationHead(manager, id, requireLabels(task, labels), hidden, dropout, random);
            case TOKEN_CLASSIFICATION ->
                    new TokenClassificationHead(manager, id, requireLabels(task, labels), hidden, dropout, random);
            case REGRESSION -> new RegressionHead(manager, id, hidden, dropout, random);
            case EXTRACTIVE_QA -> new SpanHead(manager, id, hidden, dropout, random);
            case TEXT_TO_TEXT -> throw UnsupportedTaskException.textToText(id);
        };
    }

    private static List<String> requireLabels(TaskPlan task, List<String> labels) {
        if (labels.size() < 2) {
            throw new UnsupportedTaskException(task.taskId(), task.taskType(), "a classification head needs at least "
                    + "2 labels in the job plan, got " + labels);
        }
        return labels;
    }
}
