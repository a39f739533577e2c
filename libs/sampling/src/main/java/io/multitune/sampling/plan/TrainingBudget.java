package io.multitune.sampling.plan;

import io.multitune.events.RunRequest;
import io.multitune.sampling.mix.MixingWeights;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The multi-task job's number of training steps S. With {@code budget.steps} it is that number. With
 * {@code budget.epochs} E it covers E passes over the capped training data: total = ceil(E · Σ_i min(n_i, K))
 * examples (K = {@code sampling.cap}, else no cap), S = ceil(total / B). The product is taken in decimal so that,
 * say, E = 0.1 over 30 examples is 3 examples, not the 4 that binary rounding of 0.1 would give.
 */
public final class TrainingBudget {

    private TrainingBudget() {
    }

    /**
     * @param effective the effective request (batch size and budget set)
     * @param poolSizes training examples per task
     */
    public static long steps(RunRequest effective, long[] poolSizes) {
        RunRequest.Budget budget = effective.budget();
        if (budget.steps() != null) {
            return budget.steps();
        }
        if (budget.epochs() == null) {
            throw new IllegalArgumentException("the budget names neither steps nor epochs");
        }
        long cap = MixingWeights.capOf(effective.sampling());
        long capped = 0;
        for (long n : poolSizes) {
            capped += Math.min(n, cap);
        }
        BigDecimal total = BigDecimal.valueOf(budget.epochs()).multiply(BigDecimal.valueOf(capped))
                .setScale(0, RoundingMode.CEILING);
        return total.divide(BigDecimal.valueOf(effective.batchSize()), 0, RoundingMode.CEILING).longValueExact();
    }
}
