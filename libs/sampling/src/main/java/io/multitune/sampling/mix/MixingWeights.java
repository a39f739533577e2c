package io.multitune.sampling.mix;

import io.multitune.events.RunRequest;
import io.multitune.sampling.request.Strategies;
import java.util.Arrays;

/**
 * The initial task proportions of a run (T5, Raffel et al. 2020, section 3.5.2; METHODS.md "Sampling"), for T tasks
 * with n_i training examples:
 * <ul>
 *   <li>{@code proportional}: r_i = n_i / Σ_j n_j</li>
 *   <li>{@code uniform}: r_i = 1 / T</li>
 *   <li>{@code capped} (examples-proportional with cap K): r_i = min(n_i, K) / Σ_j min(n_j, K)</li>
 *   <li>{@code temperature}: r_i ∝ (min(n_i, K) / Σ_j min(n_j, K))^(1/T), renormalised (K = cap, else ∞);
 *       T = 1 is proportional, T → ∞ uniform</li>
 *   <li>{@code curriculum}: {@code curriculum.mixing}, i.e. proportional (uncapped) or temperature</li>
 *   <li>{@code dynamic}: starts from temperature mixing; {@link DynamicMixing} moves it during training</li>
 * </ul>
 * Where every count is 0 the proportional rules have nothing to go by and fall back to uniform.
 */
public final class MixingWeights {

    private MixingWeights() {
    }

    /**
     * @param sampling  the effective sampling settings (strategy, temperature, cap, curriculum filled in)
     * @param poolSizes training examples per task, in the request's task order
     * @return proportions summing to 1, one per task
     */
    public static double[] initial(RunRequest.Sampling sampling, long[] poolSizes) {
        String strategy = sampling.strategy();
        return switch (strategy) {
            case Strategies.SAMPLING_PROPORTIONAL -> proportional(poolSizes);
            case Strategies.SAMPLING_UNIFORM -> uniform(poolSizes.length);
            case Strategies.SAMPLING_CAPPED -> capped(poolSizes, capOf(sampling));
            case Strategies.SAMPLING_TEMPERATURE, Strategies.SAMPLING_DYNAMIC -> temperature(poolSizes, sampling.temperature(), capOf(sampling));
            case Strategies.SAMPLING_CURRICULUM -> curriculumMixing(sampling, poolSizes);
            default -> throw new IllegalArgumentException("unknown sampling strategy '" + strategy + "'");
        };
    }

    /** r_i = n_i / Σ n_j. */
    public static double[] proportional(long[] poolSizes) {
        return capped(poolSizes, Long.MAX_VALUE);
    }

    /** r_i = 1 / T. */
    public static double[] uniform(int tasks) {
        double[] r = new double[tasks];
        Arrays.fill(r, 1.0 / tasks);
        return r;
    }

    /** r_i = min(n_i, K) / Σ min(n_j, K). */
    public static double[] capped(long[] poolSizes, long cap) {
        double[] counts = new double[poolSizes.length];
        for (int i = 0; i < poolSizes.length; i++) {
            counts[i] = Math.min(poolSizes[i], cap);
        }
        return normalisedOrUniform(counts);
    }

    /** r_i ∝ (min(n_i, K) / Σ min(n_j, K))^(1/T), renormalised. */
    public static double[] temperature(long[] poolSizes, double temperature, long cap) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive: " + temperature);
        }
        double[] r = capped(poolSizes, cap);
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.pow(r[i], 1.0 / temperature);
        }
        return normalisedOrUniform(r);
    }

    private static double[] curriculumMixing(RunRequest.Sampling sampling, long[] poolSizes) {
        String mixing = sampling.curriculum() == null ? null : sampling.curriculum().mixing();
        return switch (mixing == null ? Strategies.CURRICULUM_MIXING_PROPORTIONAL : mixing) {
            case Strategies.CURRICULUM_MIXING_PROPORTIONAL -> proportional(poolSizes);
            case Strategies.CURRICULUM_MIXING_TEMPERATURE -> temperature(poolSizes, sampling.temperature(), capOf(sampling));
            default -> throw new IllegalArgumentException("unknown curriculum mixing '" + mixing + "'");
        };
    }

    /** K, or "no cap" as the largest long (min(n, K) is then n). */
    public static long capOf(RunRequest.Sampling sampling) {
        return sampling.cap() == null ? Long.MAX_VALUE : sampling.cap();
    }

    private static double[] normalisedOrUniform(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        if (sum <= 0) {
            return uniform(values.length);
        }
        double[] r = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            r[i] = values[i] / sum;
        }
        return r;
    }
}
