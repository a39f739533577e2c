package io.multitune.training.optim;

/**
 * Linear warm-up, then linear decay: for update t (1-based) of {@code totalSteps},
 * lr(t) = peak · t / W while t ≤ W, then peak · (T − t + 1) / (T − W): the first update already moves (Hugging
 * Face's schedule spends its first update at rate 0) and so does the last one (1/(T − W) of the peak).
 * Beyond T (a job that got more batches than planned) the rate stays at that last value rather than 0 or below.
 *
 * @param peak        the peak learning rate
 * @param totalSteps  T, the job's planned updates
 * @param warmupSteps W, updates of linear warm-up (0: none)
 */
public record LearningRateSchedule(double peak, long totalSteps, long warmupSteps) {

    /** Warm-up over 10% of the steps by default. */
    public static final double DEFAULT_WARMUP_FRACTION = 0.1;

    public LearningRateSchedule {
        if (!(peak > 0) || !Double.isFinite(peak)) {
            throw new IllegalArgumentException("peak learning rate must be > 0, got " + peak);
        }
        if (totalSteps < 1 || warmupSteps < 0 || warmupSteps > totalSteps) {
            throw new IllegalArgumentException("need 0 <= warmupSteps (" + warmupSteps + ") <= totalSteps ("
                    + totalSteps + ") and totalSteps >= 1");
        }
    }

    /** Warm-up over {@code warmupFraction} of the steps, rounded, at least 1 step when the fraction is > 0. */
    public static LearningRateSchedule withWarmupFraction(double peak, long totalSteps, double warmupFraction) {
        if (!(warmupFraction >= 0 && warmupFraction <= 1)) {
            throw new IllegalArgumentException("warm-up fraction must be in [0, 1], got " + warmupFraction);
        }
        long warmup = warmupFraction == 0 ? 0 : Math.max(1, Math.round(warmupFraction * totalSteps));
        return new LearningRateSchedule(peak, totalSteps, Math.min(warmup, totalSteps));
    }

    /** A constant rate (tests, and jobs that want none of the schedule). */
    public static LearningRateSchedule constant(double rate) {
        return new LearningRateSchedule(rate, 1, 0);
    }

    /** The rate of update {@code t} (1-based). */
    public double rate(long t) {
        if (t < 1) {
            throw new IllegalArgumentException("updates count from 1, got " + t);
        }
        long s = Math.min(t, totalSteps);
        if (s <= warmupSteps) {
            return peak * s / warmupSteps;
        }
        return peak * (totalSteps - s + 1) / (totalSteps - warmupSteps);
    }
}
