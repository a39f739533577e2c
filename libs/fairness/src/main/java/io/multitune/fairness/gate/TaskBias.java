package io.multitune.fairness.gate;

import io.multitune.evaluation.Arguments;
import io.multitune.events.TaskType;
import io.multitune.fairness.Auditability;
import io.multitune.fairness.counterfactual.CounterfactualFigures;
import io.multitune.fairness.group.GroupReport;
import io.multitune.fairness.transfer.TransferFigure;

import java.util.List;

/**
 * What the gate judges of one task: the multi-task model's figures and their transfer against the baseline.
 *
 * @param task           the task id
 * @param taskType       its type
 * @param auditability   whether and how it is audited
 * @param counterfactual the multi-task model's counterfactual figures; null when the task had no counterfactual pair
 *                       (or is not audited)
 * @param groups         group reports of the multi-task model, one per attribute (empty when no example carries one)
 * @param transfer       multi-task − baseline figures (empty unless the baseline is present)
 * @param baseline       whether the baseline was there
 */
public record TaskBias(String task, TaskType taskType, Auditability auditability,
                       CounterfactualFigures counterfactual, List<GroupReport> groups, List<TransferFigure> transfer,
                       BaselineStatus baseline) {

    /** Checks the fields and copies the lists. */
    public TaskBias {
        Arguments.require(task != null && !task.isBlank(), "task", "must be a non-blank id");
        Arguments.notNull(taskType, "taskType");
        Arguments.notNull(auditability, "auditability");
        Arguments.require(auditability.taskType() == taskType, "auditability",
                "is about " + auditability.taskType() + ", the task is " + taskType);
        Arguments.notNull(groups, "groups");
        Arguments.notNull(transfer, "transfer");
        Arguments.notNull(baseline, "baseline");
        groups = List.copyOf(groups);
        transfer = List.copyOf(transfer);
        for (TransferFigure f : transfer) {
            Arguments.require(f.task().equals(task), "transfer", "holds a figure of task '" + f.task()
                    + "' in task '" + task + "'");
        }
        if (counterfactual != null) {
            Arguments.require(auditability.audited() && counterfactual.kind() == auditability.kind(),
                    "counterfactual", "measures " + counterfactual.kind() + " but " + taskType
                            + " is audited as " + auditability.kind());
        }
    }

    /** An audited task's figures. */
    public static TaskBias audited(String task, TaskType taskType, CounterfactualFigures counterfactual,
                                   List<GroupReport> groups, List<TransferFigure> transfer, BaselineStatus baseline) {
        Auditability a = Auditability.of(Arguments.notNull(taskType, "taskType"));
        Arguments.require(a.audited(), "taskType", a.reason());
        return new TaskBias(task, taskType, a, counterfactual, groups, transfer, baseline);
    }

    /** A task of a type that is not audited. */
    public static TaskBias notAudited(String task, TaskType taskType) {
        Auditability a = Auditability.of(Arguments.notNull(taskType, "taskType"));
        Arguments.require(!a.audited(), "taskType", taskType + " is audited; use audited(...)");
        return new TaskBias(task, taskType, a, null, List.of(), List.of(), BaselineStatus.NOT_REQUESTED);
    }
}
