package io.multitune.training.batch;

import io.multitune.encoder.tokens.BertTokenization;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.StandardExample;
import io.multitune.events.TaskType;
import io.multitune.events.TrainingBatch;
import io.multitune.training.MalformedBatchException;
import io.multitune.training.UnsupportedTaskException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link TrainingBatch} into per-task sub-batches: examples grouped by task id (each group keeps the order
 * the examples came in), groups in the job's task order, inputs tokenised and targets as tensors' host values
 * (label indices from the job's {@link TaskPlan#labels()}). A malformed example fails the whole batch with a
 * {@link MalformedBatchException} naming the example and the field: a job must not train on half a batch.
 */
public final class BatchAssembler {

    private final List<TaskPlan> tasks;
    private final Map<String, Integer> taskIndex = new HashMap<>();
    private final List<TaskEncoder> encoders = new ArrayList<>();
    private final long padId;

    /**
     * @param tasks  the job's tasks, in the order the model's heads follow
     * @param tokens the job's tokenizer
     * @param qa     the question/context tokenizer over the same tokenizer.json; needed only if a task is
     *               extractive QA (may be null otherwise)
     */
    public BatchAssembler(List<TaskPlan> tasks, BertTokenization tokens, QuestionContextTokenizer qa) {
        this.tasks = List.copyOf(tasks);
        this.padId = tokens.padId();
        for (int i = 0; i < this.tasks.size(); i++) {
            TaskPlan task = this.tasks.get(i);
            if (taskIndex.put(task.taskId(), i) != null) {
                throw new IllegalArgumentException("task '" + task.taskId() + "' appears twice in the job");
            }
            encoders.add(encoderFor(task, tokens, qa));
        }
    }

    private TaskEncoder encoderFor(TaskPlan task, BertTokenization tokens, QuestionContextTokenizer qa) {
        TaskType type = task.taskType();
        return switch (type) {
            case TEXT_CLASSIFICATION, TEXT_PAIR_CLASSIFICATION -> new TaskEncoder.Classification(task, tokens);
            case REGRESSION -> new TaskEncoder.Regression(task, tokens);
            case TOKEN_CLASSIFICATION -> new TaskEncoder.Tagging(task, tokens);
            case EXTRACTIVE_QA -> {
                if (qa == null) {
                    throw new IllegalArgumentException("task '" + task.taskId()
                            + "' is extractive QA: the assembler needs a QuestionContextTokenizer");
                }
                yield new TaskEncoder.QuestionAnswering(task, qa, padId);
            }
            case TEXT_TO_TEXT -> throw UnsupportedTaskException.textToText(task.taskId());
        };
    }

    public List<TaskPlan> tasks() {
        return tasks;
    }

    /** Splits, tokenises and maps the targets of one batch; refuses the whole batch on the first bad example. */
    public AssembledBatch assemble(TrainingBatch batch) {
        if (batch.examples() == null || batch.examples().isEmpty()) {
            throw new IllegalArgumentException("batch " + batch.sequence() + " of job " + batch.jobId()
                    + " has no examples");
        }
        Map<Integer, List<StandardExample>> byTask = new LinkedHashMap<>();
        for (StandardExample example : batch.examples()) {
            Integer index = example.taskId() == null ? null : taskIndex.get(example.taskId());
            if (index == null) {
                throw new MalformedBatchException(example.id(), "taskId", "task '" + example.taskId()
                        + "' is not trained by this job (its tasks: " + taskIndex.keySet() + ")");
            }
            TaskType planned = tasks.get(index).taskType();
            if (example.taskType() != null && example.taskType() != planned) {
                throw new MalformedBatchException(example.id(), "taskType", "'" + example.taskType().wireName()
                        + "' differs from task '" + example.taskId() + "', planned as '" + planned.wireName() + "'");
            }
            byTask.computeIfAbsent(index, k -> new ArrayList<>()).add(example);
        }
        List<TaskBatch> parts = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            List<StandardExample> examples = byTask.get(i);
            if (examples != null) {
                parts.add(encoders.get(i).encode(i, examples));
            }
        }
        return new AssembledBatch(batch.sequence(), parts, padId);
    }
}
