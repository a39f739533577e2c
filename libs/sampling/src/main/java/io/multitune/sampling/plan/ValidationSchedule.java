package io.multitune.sampling.plan;

/**
 * When a job validates: after steps V, 2V, … below S, plus once after the last step S (V = 0: only at the end).
 * A job with S = 0 steps still validates once, after step 0, so even an empty baseline has its model scored.
 *
 * @param steps      S, the job's training steps
 * @param everySteps V, training steps between rounds (0 = only at the end)
 */
public record ValidationSchedule(long steps, long everySteps) {

    public ValidationSchedule {
        if (steps < 0 || everySteps < 0) {
            throw new IllegalArgumentException("steps and everySteps must not be negative");
        }
    }

    /** Number of rounds. */
    public long rounds() {
        if (everySteps == 0 || steps == 0) {
            return 1;
        }
        return (steps - 1) / everySteps + 1;
    }

    /** The round (from 1) that follows training step {@code step}, or 0 when none does. */
    public int roundAfter(long step) {
        if (step == steps) {
            return Math.toIntExact(rounds());
        }
        if (everySteps > 0 && step > 0 && step < steps && step % everySteps == 0) {
            return Math.toIntExact(step / everySteps);
        }
        return 0;
    }
}
