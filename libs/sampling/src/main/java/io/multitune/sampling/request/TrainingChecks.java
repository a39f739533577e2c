package io.multitune.sampling.request;

import io.multitune.events.RunRequest;
import io.multitune.events.RunRequest.BiasGate;
import io.multitune.events.RunRequest.Budget;
import io.multitune.events.RunRequest.EvaluationGate;
import io.multitune.events.RunRequest.Gates;
import io.multitune.events.RunRequest.Validation;

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
        gates(request.gates(), problems);
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

    private static void gates(Gates gates, ProblemList problems) {
        if (gates == null) {
            return;
        }
        EvaluationGate evaluation = gates.evaluation();
        if (evaluation != null) {
            problems.finite("gates.evaluation.minDeltaM", evaluation.minDeltaM());
            problems.nonNegative("gates.evaluation.maxTaskDrop", evaluation.maxTaskDrop());
            problems.within("gates.evaluation.alpha", evaluation.alpha(), 0, false, 1, false);
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
}
