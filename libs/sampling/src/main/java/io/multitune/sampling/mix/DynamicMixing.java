package io.multitune.sampling.mix;

/**
 * Dynamic task mixing: after a validation round, tasks whose validation loss fell least since their first round
 * get a larger share, within fixed bounds around their initial share. The rule, for T tasks with initial
 * (base) proportions b_i, first-round validation loss L_i(1) and current validation loss L_i(t):
 * <ol>
 *   <li>lag_i = L_i(t) / L_i(1): the share of its first loss a task still has, so the task that improved least
 *       lags most. A task whose losses are not both finite and positive gets the mean lag of the others (it is
 *       neither pushed nor held back).</li>
 *   <li>q_i = b_i · exp(η · (lag_i − mean_j lag_j)): above-average lag raises a share, below-average lowers it.</li>
 *   <li>p_i = clamp(λ · q_i, b_i / M, b_i · M) with the one λ that makes Σ p_i = 1 (M = maxFactor ≥ 1). This is
 *       "clamp into the bounds and renormalise, repeated until stable", solved exactly (by bisection on λ) instead
 *       of by a fixed number of rounds, so the bounds hold after normalisation and shares not at a bound stay
 *       proportional to q_i. Such a λ always exists because Σ b_i / M ≤ 1 ≤ Σ b_i · M.</li>
 * </ol>
 * The bounds keep one noisy round from starving a task, and tie the mix to the planned one: the run's baselines
 * were planned with the initial shares. A task with base share 0 stays at 0.
 */
public final class DynamicMixing {

    private static final int BISECTION_STEPS = 200;

    private DynamicMixing() {
    }

    /**
     * @param base        initial proportions (sum 1)
     * @param firstLoss   validation loss of each task in the first round
     * @param currentLoss validation loss of each task in the latest round
     * @param eta         step size η (≥ 0)
     * @param maxFactor   M ≥ 1: each share stays within [base / M, base · M]
     * @return the new proportions, summing to 1
     */
    public static double[] update(double[] base, double[] firstLoss, double[] currentLoss, double eta,
                                  double maxFactor) {
        int tasks = base.length;
        if (firstLoss.length != tasks || currentLoss.length != tasks) {
            throw new IllegalArgumentException("base, firstLoss and currentLoss must have one entry per task");
        }
        if (!(maxFactor >= 1) || !(eta >= 0)) {
            throw new IllegalArgumentException("need maxFactor >= 1 and eta >= 0, got " + maxFactor + ", " + eta);
        }
        double[] lag = lags(firstLoss, currentLoss);
        double meanLag = 0;
        for (double l : lag) {
            meanLag += l / tasks;
        }
        double[] q = new double[tasks];
        double[] lo = new double[tasks];
        double[] hi = new double[tasks];
        for (int i = 0; i < tasks; i++) {
            q[i] = base[i] * Math.exp(eta * (lag[i] - meanLag));
            lo[i] = base[i] / maxFactor;
            hi[i] = base[i] * maxFactor;
        }
        return clampAndNormalise(q, lo, hi);
    }

    private static double[] lags(double[] firstLoss, double[] currentLoss) {
        int tasks = firstLoss.length;
        double[] lag = new double[tasks];
        boolean[] known = new boolean[tasks];
        double sum = 0;
        int count = 0;
        for (int i = 0; i < tasks; i++) {
            double first = firstLoss[i];
            double current = currentLoss[i];
            if (Double.isFinite(first) && Double.isFinite(current) && first > 0 && current > 0) {
                lag[i] = current / first;
                known[i] = true;
                sum += lag[i];
                count++;
            }
        }
        double mean = count == 0 ? 1.0 : sum / count;
        for (int i = 0; i < tasks; i++) {
            if (!known[i]) {
                lag[i] = mean;
            }
        }
        return lag;
    }

    /** Finds λ with Σ clamp(λ q_i, lo_i, hi_i) = 1; the sum is continuous and non-decreasing in λ. */
    private static double[] clampAndNormalise(double[] q, double[] lo, double[] hi) {
        double low = Double.MAX_VALUE;
        double high = 0;
        for (int i = 0; i < q.length; i++) {
            if (q[i] > 0) {
                low = Math.min(low, lo[i] / q[i]);
                high = Math.max(high, hi[i] / q[i]);
            }
        }
        if (high == 0) {
            return q.clone();
        }
        for (int step = 0; step < BISECTION_STEPS && low < high; step++) {
            double mid = low + (high - low) / 2;
            if (mid <= low || mid >= high) {
                break;
            }
            if (clampedSum(mid, q, lo, hi) < 1) {
                low = mid;
            } else {
                high = mid;
            }
        }
        double[] p = new double[q.length];
        double sum = 0;
        for (int i = 0; i < q.length; i++) {
            p[i] = clamp(high * q[i], lo[i], hi[i]);
            sum += p[i];
        }
        // λ is exact to the last bit; this division only removes the rounding of the sum.
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private static double clampedSum(double lambda, double[] q, double[] lo, double[] hi) {
        double sum = 0;
        for (int i = 0; i < q.length; i++) {
            sum += clamp(lambda * q[i], lo[i], hi[i]);
        }
        return sum;
    }

    private static double clamp(double value, double lo, double hi) {
        return Math.max(lo, Math.min(hi, value));
    }
}
