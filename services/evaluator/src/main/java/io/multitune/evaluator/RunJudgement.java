package io.multitune.evaluator;

import io.multitune.evaluation.comparison.DeltaM;
import io.multitune.evaluation.comparison.TaskComparison;
import io.multitune.evaluation.gate.Check;
import io.multitune.evaluation.gate.Gate;
import io.multitune.evaluation.gate.Thresholds;
import io.multitune.evaluation.gate.Verdict;
import io.multitune.evaluation.metrics.MetricKind;
import io.multitune.evaluation.stats.McNemar;
import io.multitune.evaluation.stats.McNemarResult;
import io.multitune.evaluation.stats.PairedBootstrap;
import io.multitune.events.RunEvaluated;
import io.multitune.events.RunEvaluated.TaskOutcome;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.RunRequest.EvaluationGate;
import io.multitune.events.StandardExample;
import io.multitune.scoring.TaskScores;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges a run: the multi-task model against each task's single-task baseline on the same test examples (paired
 * bootstrap interval of the difference of the primary metric, McNemar's test for classification), Δm, the unified
 * scores, the gate's verdict and the qualitative review. A task without a baseline is reported with the multi-task
 * figures alone, named in {@code missingBaselines}, and fails the gate's {@code baseline:<task>} check when a baseline
 * was requested: without it nothing shows the task did not lose to training it alone.
 */
final class RunJudgement {
    private final int bootstrapResamples;
    private final ReviewCases reviewCases;

    RunJudgement(int bootstrapResamples, ReviewCases reviewCases) {
        this.bootstrapResamples = bootstrapResamples;
        this.reviewCases = reviewCases;
    }

    /**
     * The run's evaluation, without its report.
     *
     * @param baselines        task id to its baseline's scores (tasks with a scored baseline only)
     * @param missingBaselines task id to why its baseline is missing, for every task without one
     * @param examples         the test examples by id (for the review's inputs)
     */
    RunEvaluated judge(RunPlanned plan, ScoredModel mtl, Map<String, ScoredModel> baselines,
                       Map<String, String> missingBaselines, Map<String, StandardExample> examples,
                       List<String> earlierNotes) {
        EvaluationGate gate = plan.request().gates() == null ? null : plan.request().gates().evaluation();
        Thresholds thresholds = thresholds(gate);
        Map<String, Double> weights = gate == null || gate.scoreWeights() == null ? Map.of() : gate.scoreWeights();
        long seed = plan.request().seed() == null ? 42L : plan.request().seed();
        PairedBootstrap bootstrap = new PairedBootstrap(bootstrapResamples, seed);
        List<String> notes = new ArrayList<>(earlierNotes);
        Map<String, TaskComparison> comparisons = new LinkedHashMap<>();
        List<TaskOutcome> outcomes = new ArrayList<>();
        List<RunEvaluated.TaskReview> review = new ArrayList<>();
        for (TaskPlan task : mtlTasks(plan, mtl)) {
            ScoredModel.ScoredTask ours = mtl.tasks().get(task.taskId());
            ScoredModel.ScoredTask theirs = baselineTask(baselines.get(task.taskId()), task.taskId(), ours, notes);
            double weight = weights.getOrDefault(task.taskId(), 1.0);
            if (theirs == null) {
                outcomes.add(alone(task, ours.scores(), weight));
            } else {
                TaskComparison c = compare(task.taskId(), ours.scores(), theirs.scores(), bootstrap,
                        thresholds.alpha());
                comparisons.put(task.taskId(), c);
                outcomes.add(outcome(task, c, weight, ours.scores().examples()));
            }
            review.add(reviewCases.review(task.taskId(), ours.predictions(),
                    theirs == null ? null : theirs.predictions(), examples));
        }
        List<String> missing = outcomes.stream().filter(o -> o.stl() == null).map(TaskOutcome::taskId).toList();
        missing.forEach(t -> notes.add("task " + t + " was judged without its baseline: "
                + missingBaselines.getOrDefault(t, "no baseline model was scored")));
        double unified = UnitScores.unified(outcomes.stream().map(o -> new UnitScores.Weighted(
                UnitScores.unit(MetricKind.byName(o.metric()), o.mtl()), o.weight())).toList());
        List<TaskComparison> compared = List.copyOf(comparisons.values());
        Double baselineUnified = compared.isEmpty() ? null : UnitScores.unified(compared.stream()
                .map(c -> new UnitScores.Weighted(UnitScores.unit(c.metric(), c.stl()),
                        weights.getOrDefault(c.task(), 1.0))).toList());
        DeltaM deltaM = compared.isEmpty() ? null : DeltaM.of(compared);
        if (deltaM != null) {
            notes.addAll(deltaM.notes());
        }
        boolean baselinesRequested = !Boolean.FALSE.equals(plan.request().baselines());
        Verdict verdict = verdict(thresholds, compared, deltaM, unified, missing, missingBaselines,
                baselinesRequested, notes);
        return new RunEvaluated(RunEvaluated.SCHEMA_VERSION, plan.runId(), mtl.jobId(), mtl.executionProvider(),
                unified, baselineUnified, deltaM == null || !deltaM.defined() ? null : deltaM.percent(), outcomes,
                missing, notes, event(verdict), review, null, Instant.now());
    }

    private static List<TaskPlan> mtlTasks(RunPlanned plan, ScoredModel mtl) {
        return plan.jobs().stream().filter(j -> j.jobId().equals(mtl.jobId())).findFirst()
                .map(RunPlanned.JobPlan::tasks).orElseThrow(() -> new IllegalArgumentException(
                        "job " + mtl.jobId() + " is not a job of run " + plan.runId()));
    }

    /** The baseline's task when it was scored on exactly the multi-task model's examples; else null, noted. */
    private static ScoredModel.ScoredTask baselineTask(ScoredModel baseline, String taskId,
                                                       ScoredModel.ScoredTask ours, List<String> notes) {
        if (baseline == null || !baseline.tasks().containsKey(taskId)) {
            return null;
        }
        ScoredModel.ScoredTask theirs = baseline.tasks().get(taskId);
        if (!theirs.predictions().exampleIds().equals(ours.predictions().exampleIds())) {
            notes.add("task " + taskId + ": its baseline was scored on other test examples than the multi-task"
                    + " model (the test split changed between the two), so they are not compared");
            return null;
        }
        if (!Double.isFinite(ours.scores().primaryValue()) || !Double.isFinite(theirs.scores().primaryValue())) {
            notes.add("task " + taskId + ": its " + ours.scores().primaryMetric() + " is undefined for "
                    + (Double.isFinite(ours.scores().primaryValue()) ? "the baseline" : "the multi-task model")
                    + " (e.g. constant predictions), so the two are not compared");
            return null;
        }
        return theirs;
    }

    private static TaskComparison compare(String taskId, TaskScores ours, TaskScores theirs,
                                          PairedBootstrap bootstrap, double alpha) {
        McNemarResult mcnemar = ours.correct() != null && theirs.correct() != null
                ? McNemar.test(ours.correct(), theirs.correct()) : null;
        return TaskComparison.compute(taskId, ours.primary(), ours.examples(), ours.primaryOnSubset(),
                theirs.primaryOnSubset(), bootstrap, alpha, mcnemar);
    }

    private static TaskOutcome outcome(TaskPlan task, TaskComparison c, double weight, long examples) {
        RunEvaluated.McNemar mcnemar = c.mcnemar().map(m -> new RunEvaluated.McNemar(m.mtlOnlyRight(),
                m.stlOnlyRight(), m.method().name(), Double.isNaN(m.statistic()) ? null : m.statistic(),
                m.pValue())).orElse(null);
        return new TaskOutcome(task.taskId(), task.taskType(), c.metric().metricName(), c.metric().higherIsBetter(),
                weight, examples, c.mtl(), c.stl(), c.difference(), c.ciLower(), c.ciUpper(), c.alpha(), mcnemar,
                Double.isNaN(c.relativeChangePercent()) ? null : c.relativeChangePercent(), c.negativeTransfer());
    }

    private static TaskOutcome alone(TaskPlan task, TaskScores ours, double weight) {
        return new TaskOutcome(task.taskId(), task.taskType(), ours.primaryMetric(), ours.primary().higherIsBetter(),
                weight, ours.examples(), ours.primaryValue(), null, null, null, null, null, null, null, false);
    }

    private static Verdict verdict(Thresholds thresholds, List<TaskComparison> compared, DeltaM deltaM,
                                   double unified, List<String> missing, Map<String, String> missingReasons,
                                   boolean baselinesRequested, List<String> notes) {
        List<Check> checks = new ArrayList<>();
        if (!compared.isEmpty()) {
            checks.addAll(Gate.evaluate(thresholds, compared, deltaM, unified).checks());
        } else {
            thresholds.minUnifiedScore().ifPresent(min -> checks.add(new Check("unified-score", unified >= min,
                    String.format(java.util.Locale.ROOT, "unified score %.4f %s minimum %.4f", unified,
                            unified >= min ? "≥" : "<", min))));
            notes.add("no task has a baseline: Δm and the per-task comparisons are not computed");
        }
        if (baselinesRequested) {
            for (String task : missing) {
                checks.add(new Check("baseline:" + task, false, "task " + task + " has no baseline to compare"
                        + " with (" + missingReasons.getOrDefault(task, "no baseline model was scored")
                        + "), so the gate cannot show the multi-task model did not lose to training it alone"));
            }
        }
        return Verdict.of(checks);
    }

    private static RunEvaluated.Verdict event(Verdict verdict) {
        return new RunEvaluated.Verdict(verdict.pass(), verdict.reasons(), verdict.checks().stream()
                .map(c -> new RunEvaluated.Check(c.name(), c.passed(), c.detail())).toList());
    }

    static Thresholds thresholds(EvaluationGate gate) {
        return gate == null ? Thresholds.defaults()
                : Thresholds.of(gate.minDeltaM(), gate.maxTaskDrop(), gate.alpha(), gate.minUnifiedScore());
    }
}
