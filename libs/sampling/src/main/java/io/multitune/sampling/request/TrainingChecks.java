package io.multitune.sampling.request;

import io.multitune.evaluation.metrics.MetricKind;
import io.multitune.events.RunRequest;
import io.multitune.events.RunRequest.BiasGate;
import io.multitune.events.RunRequest.Budget;
import io.multitune.events.RunRequest.EvaluationGate;
import io.multitune.events.RunRequest.Gates;
import io.multitune.events.RunRequest.Validation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Checks of how long and how a job trains, and of the gates its models must pass. */
final class TrainingChecks {
    /** Beyond this a batch no longer fits one accelerator with the shipped encoder; almost surely a typo. */
    static final int MAX_BATCH_SIZE = 4096;

    private TrainingChecks() {
    }

    static void check(RunRequest request, ProblemList problems) {
        problems.atLeast("batchSize", request.batchSize(), 1);
        problems.atMost("batchSize", request.batchSize(), MAX_BATCH_SIZE);
        budget(request.budget(), problems);
        validation(request.validation(), problems);
        gates(request, problems);
    }

    private static void budget(Budget budget, ProblemList problems) {
        if (budget == null) {
            return;
        }
        if (budget.steps() != null && budget.epochs() != null) {
            problems.bad("budget", "give either steps or epochs, not both");
        }
        problems.atLeast("budget.steps", budget.steps(), 1);
        problems.positive("budget.epochs", budget.epochs());
    }

    private static void validation(Validation validation, ProblemList problems) {
        if (validation == null) {
            return;
        }
        problems.atLeast("validation.everySteps", validation.everySteps(), 0);
        problems.atLeast("validation.maxExamplesPerTask", validation.maxExamplesPerTask(), 1);
        problems.atLeast("validation.patience", validation.patience(), 1);
        problems.positive("validation.learningRate", validation.learningRate());
    }

    private static void gates(RunRequest request, ProblemList problems) {
        Gates gates = request.gates();
        if (gates == null) {
            return;
        }
        EvaluationGate evaluation = gates.evaluation();
        if (evaluation != null) {
            problems.finite("gates.evaluation.minDeltaM", evaluation.minDeltaM());
            problems.nonNegative("gates.evaluation.maxTaskDrop", evaluation.maxTaskDrop());
            problems.within("gates.evaluation.alpha", evaluation.alpha(), 0, false, 1, false);
            problems.within("gates.evaluation.minUnifiedScore", evaluation.minUnifiedScore(), 0, true, 1, true);
            evaluationSettings(request, evaluation, problems);
        }
        BiasGate bias = gates.bias();
        if (bias != null) {
            problems.within("gates.bias.maxDemographicParityDifference", bias.maxDemographicParityDifference(),
                    0, true, 1, true);
            problems.within("gates.bias.maxEqualizedOddsDifference", bias.maxEqualizedOddsDifference(),
                    0, true, 1, true);
            problems.within("gates.bias.maxCounterfactualFlipRate", bias.maxCounterfactualFlipRate(),
                    0, true, 1, true);
            problems.within("gates.bias.maxIncreaseOverBaseline", bias.maxIncreaseOverBaseline(), 0, true, 1, true);
        }
    }

    /** Primary metrics must be metrics multitune computes, score weights non-negative, both keyed by a run task. */
    private static void evaluationSettings(RunRequest request, EvaluationGate evaluation, ProblemList problems) {
        List<String> tasks = request.tasks() == null ? List.of()
                : request.tasks().stream().filter(t -> t != null && t.task() != null).map(t -> t.task()).toList();
        List<String> metrics = Arrays.stream(MetricKind.values()).map(MetricKind::metricName).toList();
        if (evaluation.primaryMetrics() != null) {
            evaluation.primaryMetrics().forEach((task, metric) -> {
                String field = "gates.evaluation.primaryMetrics." + task;
                problems.knownName(field, task, tasks, "task of this run");
                problems.knownName(field, metric == null ? null : metric.trim().toLowerCase(Locale.ROOT)
                        .replace('_', '-'), metrics, "metric");
            });
        }
        if (evaluation.scoreWeights() != null) {
            evaluation.scoreWeights().forEach((task, weight) -> {
                String field = "gates.evaluation.scoreWeights." + task;
                problems.knownName(field, task, tasks, "task of this run");
                problems.nonNegative(field, weight);
                problems.finite(field, weight);
            });
            if (!evaluation.scoreWeights().isEmpty() && evaluation.scoreWeights().size() == tasks.size()
                    && evaluation.scoreWeights().values().stream().allMatch(w -> w != null && w == 0)) {
                problems.bad("gates.evaluation.scoreWeights", "the weights of all tasks are 0");
            }
        }
    }
}
