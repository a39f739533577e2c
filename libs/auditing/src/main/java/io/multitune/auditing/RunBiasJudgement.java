package io.multitune.auditing;

import io.multitune.evaluation.gate.Verdict;
import io.multitune.events.RunAudited;
import io.multitune.events.RunEvaluated;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.RunRequest;
import io.multitune.fairness.Auditability;
import io.multitune.fairness.BiasMetric;
import io.multitune.fairness.counterfactual.CounterfactualFigures;
import io.multitune.fairness.counterfactual.FlipStatistics;
import io.multitune.fairness.counterfactual.TagFlipStatistics;
import io.multitune.fairness.counterfactual.ValueChangeStatistics;
import io.multitune.fairness.gate.BaselineStatus;
import io.multitune.fairness.gate.BiasGateCheck;
import io.multitune.fairness.gate.TaskBias;
import io.multitune.fairness.group.GroupInputs;
import io.multitune.fairness.group.GroupReport;
import io.multitune.fairness.stats.Bootstrap;
import io.multitune.fairness.transfer.BiasTransfer;
import io.multitune.fairness.transfer.TransferFigure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Judges a run's bias: the multi-task model's audit against each task's baseline audit. Per audited task and bias
 * figure (and group attribute), a transfer row: multi-task, baseline, multi-task − baseline with a bootstrap interval
 * ({@link BiasTransfer}: paired when both models were measured on the same pairs or examples, which the auditor's
 * fixed row order gives); a task without a baseline gets rows with the multi-task figures alone. The verdict is the
 * run request's bias gate ({@link BiasGateCheck}) on the multi-task figures and the transfer: a task whose baseline
 * was requested but is missing fails its {@code increase-over-baseline} check, a task type that is not audited is
 * listed as such with the reason.
 */
public final class RunBiasJudgement {

    private final AuditSettings settings;

    public RunBiasJudgement(AuditSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * The run's audit, report null.
     *
     * @param plan             the run's plan (tasks, seed, whether baselines were requested, the bias gate)
     * @param multiTaskJobId   the multi-task job audited
     * @param multiTask        its audit
     * @param baselinesByTask  task id → its baseline's audit (tasks with one only)
     * @param missingBaselines task id → why its baseline is missing
     * @param representation   the training data's term counts ({@link Representation#of})
     */
    public RunAudited judge(RunPlanned plan, String multiTaskJobId, String executionProvider, AuditedModel multiTask,
                            Map<String, AuditedModel> baselinesByTask, Map<String, String> missingBaselines,
                            List<RunAudited.Representation> representation) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(multiTask, "multiTask");
        Objects.requireNonNull(baselinesByTask, "baselinesByTask");
        Objects.requireNonNull(missingBaselines, "missingBaselines");
        RunPlanned.JobPlan job = plan.jobs().stream().filter(j -> j.jobId().equals(multiTaskJobId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("job " + multiTaskJobId + " is not a job of run "
                        + plan.runId()));
        long seed = plan.request().seed() == null ? 42L : plan.request().seed();
        Bootstrap bootstrap = new Bootstrap(settings.bootstrapResamples(), seed);
        boolean baselinesRequested = !Boolean.FALSE.equals(plan.request().baselines());
        List<String> notes = new ArrayList<>(multiTask.notes());
        List<RunAudited.TransferRow> rows = new ArrayList<>();
        List<TaskBias> biases = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (TaskPlan task : job.tasks()) {
            Auditability auditability = Auditability.of(task.taskType());
            if (!auditability.audited()) {
                biases.add(TaskBias.notAudited(task.taskId(), task.taskType()));
                continue;
            }
            AuditedModel.AuditedTask ours = multiTask.task(task.taskId());
            if (ours == null) {
                throw new IllegalArgumentException("the multi-task audit holds no figures for task "
                        + task.taskId());
            }
            AuditedModel baselineModel = baselinesByTask.get(task.taskId());
            AuditedModel.AuditedTask theirs = baselineModel == null ? null : baselineModel.task(task.taskId());
            BaselineStatus status;
            List<TransferFigure> transfer = new ArrayList<>();
            if (theirs != null) {
                status = BaselineStatus.PRESENT;
                baselineModel.notes().forEach(n -> notes.add("baseline of task " + task.taskId() + ": " + n));
                compare(task.taskId(), ours, theirs, bootstrap, transfer, rows, notes);
            } else {
                status = baselinesRequested ? BaselineStatus.MISSING : BaselineStatus.NOT_REQUESTED;
                if (baselinesRequested) {
                    missing.add(task.taskId());
                    String why = missingBaselines.getOrDefault(task.taskId(), baselineModel == null
                            ? "no baseline audit arrived" : "its baseline's audit holds no figures for the task");
                    notes.add("task " + task.taskId() + " was audited without its baseline: " + why);
                }
                alone(task.taskId(), ours, rows);
            }
            biases.add(TaskBias.audited(task.taskId(), task.taskType(), ours.counterfactual(), ours.groupReports(),
                    transfer, status));
        }
        if (!rows.isEmpty()) {
            notes.add("transfer rows are multi-task − baseline: positive means the multi-task model is more biased;"
                    + " maxima are reported but not gated (their intervals cannot reach above the observed maximum)");
        }
        RunRequest.BiasGate gate = plan.request().gates() == null ? null : plan.request().gates().bias();
        Verdict verdict = BiasGateCheck.evaluate(gate, biases);
        return new RunAudited(RunAudited.SCHEMA_VERSION, plan.runId(), multiTaskJobId, executionProvider, rows,
                representation == null ? List.of() : List.copyOf(representation), multiTask.notAudited(), missing,
                notes, event(verdict), null, Instant.now());
    }

    /** The transfer figures of a task with a baseline, as figures (for the gate) and rows. */
    private static void compare(String task, AuditedModel.AuditedTask ours, AuditedModel.AuditedTask theirs,
                                Bootstrap bootstrap, List<TransferFigure> transfer, List<RunAudited.TransferRow> rows,
                                List<String> notes) {
        List<TransferFigure> figures = new ArrayList<>();
        if (ours.flips() != null && theirs.flips() != null) {
            figures.addAll(BiasTransfer.flips(task, ours.flips(), theirs.flips(), bootstrap));
        } else if (ours.tagFlips() != null && theirs.tagFlips() != null) {
            figures.addAll(BiasTransfer.tagFlips(task, ours.tagFlips(), theirs.tagFlips(), bootstrap));
        } else if (ours.valueChanges() != null && theirs.valueChanges() != null) {
            figures.addAll(BiasTransfer.valueChanges(task, ours.valueChanges(), theirs.valueChanges(), bootstrap));
        } else if (ours.counterfactual() != null) {
            notes.add("task " + task + ": the baseline has no counterfactual pairs; its counterfactual figures are not"
                    + " compared");
            rows.addAll(counterfactualRows(task, ours.counterfactual()));
        } else if (theirs.counterfactual() != null) {
            notes.add("task " + task + ": the multi-task model has no counterfactual pairs but the baseline has;"
                    + " nothing to compare");
        }
        for (int a = 0; a < ours.groupInputs().size(); a++) {
            GroupInputs mine = ours.groupInputs().get(a);
            GroupInputs other = theirs.groupInputs().stream().filter(g -> g.attribute().equals(mine.attribute()))
                    .findFirst().orElse(null);
            if (other == null) {
                notes.add("task " + task + ": attribute " + mine.attribute() + " has no group metrics for the"
                        + " baseline; not compared");
                rows.addAll(groupRows(task, ours.groupReports().get(a)));
                continue;
            }
            figures.addAll(BiasTransfer.groups(task, mine, other, bootstrap));
        }
        for (TransferFigure f : figures) {
            if (!f.paired() && f.defined()) {
                notes.add("task " + task + ": " + f.name() + " compared unpaired: the baseline was measured on other"
                        + " pairs or examples than the multi-task model");
            }
            rows.add(row(f));
        }
        transfer.addAll(figures);
    }

    /** Rows of a task without a baseline: the multi-task figures alone. */
    private static void alone(String task, AuditedModel.AuditedTask ours, List<RunAudited.TransferRow> rows) {
        if (ours.counterfactual() != null) {
            rows.addAll(counterfactualRows(task, ours.counterfactual()));
        }
        for (GroupReport g : ours.groupReports()) {
            rows.addAll(groupRows(task, g));
        }
    }

    private static List<RunAudited.TransferRow> counterfactualRows(String task, CounterfactualFigures figures) {
        List<RunAudited.TransferRow> out = new ArrayList<>();
        if (figures instanceof FlipStatistics f) {
            out.add(alone(task, BiasMetric.FLIP_RATE, null, f.flipRate()));
            out.add(alone(task, BiasMetric.MEAN_PROB_CHANGE, null, f.meanAbsChange()));
            out.add(alone(task, BiasMetric.MAX_PROB_CHANGE, null, f.maxAbsChange()));
        } else if (figures instanceof TagFlipStatistics f) {
            out.add(alone(task, BiasMetric.FLIP_RATE, null, f.flipRate()));
            out.add(alone(task, BiasMetric.TOKEN_FLIP_RATE, null, f.tokenFlipRate()));
            out.add(alone(task, BiasMetric.MEAN_PROB_CHANGE, null, f.meanAbsChange()));
            out.add(alone(task, BiasMetric.MAX_PROB_CHANGE, null, f.maxAbsChange()));
        } else if (figures instanceof ValueChangeStatistics f) {
            out.add(alone(task, BiasMetric.MEAN_VALUE_CHANGE, null, f.meanAbsChange()));
            out.add(alone(task, BiasMetric.MAX_VALUE_CHANGE, null, f.maxAbsChange()));
        }
        return out;
    }

    private static List<RunAudited.TransferRow> groupRows(String task, GroupReport report) {
        return List.of(alone(task, BiasMetric.DEMOGRAPHIC_PARITY, report.attribute(),
                        report.demographicParity().value()),
                alone(task, BiasMetric.EQUALIZED_ODDS, report.attribute(), report.equalizedOdds().value()));
    }

    private static RunAudited.TransferRow alone(String task, BiasMetric metric, String attribute, double value) {
        return new RunAudited.TransferRow(task, metric.wireName(), attribute, ModelAudit.nullIfNaN(value), null,
                null, null, null, null, metric.gated());
    }

    private static RunAudited.TransferRow row(TransferFigure f) {
        return new RunAudited.TransferRow(f.task(), f.metric().wireName(), f.attribute(),
                ModelAudit.nullIfNaN(f.multiTask()), ModelAudit.nullIfNaN(f.baseline()),
                ModelAudit.nullIfNaN(f.difference()), ModelAudit.nullIfNaN(f.interval().lower()),
                ModelAudit.nullIfNaN(f.interval().upper()), f.paired(), f.metric().gated());
    }

    private static RunEvaluated.Verdict event(Verdict verdict) {
        return new RunEvaluated.Verdict(verdict.pass(), verdict.reasons(), verdict.checks().stream()
                .map(c -> new RunEvaluated.Check(c.name(), c.passed(), c.detail())).toList());
    }
}
