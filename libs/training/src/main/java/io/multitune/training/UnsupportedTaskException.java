package io.multitune.training;

import io.multitune.events.TaskType;

/** A task this trainer cannot train (text-to-text: an encoder has no decoder); the job fails at its start. */
public final class UnsupportedTaskException extends IllegalArgumentException {

    private final String taskId;
    private final TaskType taskType;

    public UnsupportedTaskException(String taskId, TaskType taskType, String reason) {
        super("task '" + taskId + "' (" + taskType.wireName() + "): " + reason);
        this.taskId = taskId;
        this.taskType = taskType;
    }

    /** Refuses text-to-text with the sentence the trainer reports. */
    public static UnsupportedTaskException textToText(String taskId) {
        return new UnsupportedTaskException(taskId, TaskType.TEXT_TO_TEXT,
                "the encoder trainer cannot train text-to-text tasks (it has no decoder)");
    }

    public String taskId() {
        return taskId;
    }

    public TaskType taskType() {
        return taskType;
    }
}
