package io.multitune.mtl;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creates a strategy from a run request's {@code weighting} section. Strategy and parameter names are the ones the
 * sampler's request validator accepts; a parameter left out takes its documented default, and an unknown one is
 * refused (as the validator does) so that a typo cannot silently fall back to a default.
 */
public final class TaskWeightings {

    public static final List<String> STRATEGIES = List.of(EqualWeighting.NAME, StaticWeighting.NAME,
            UncertaintyWeighting.NAME, DynamicWeightAverage.NAME, GradNormWeighting.NAME, PcGrad.NAME, CaGrad.NAME,
            Famo.NAME);

    public static final String PARAM_TEMPERATURE = "temperature";
    public static final String PARAM_ALPHA = "alpha";
    public static final String PARAM_LEARNING_RATE = "learningRate";
    public static final String PARAM_C = "c";
    public static final String PARAM_GAMMA = "gamma";

    private TaskWeightings() {
    }

    /**
     * @param strategy      one of {@link #STRATEGIES}
     * @param params        strategy parameters (null or empty for all defaults): dwa {@code temperature};
     *                      gradnorm {@code alpha}, {@code learningRate}; cagrad {@code c}; famo
     *                      {@code learningRate}, {@code gamma}
     * @param tasks         T
     * @param staticWeights the per-task weights of the static strategy; ignored by the others (may be null)
     * @param seed          the run seed (PCGrad's task order)
     * @param learningRate  the trainer's learning rate, which uncertainty weighting uses for its s_i
     */
    public static TaskWeighting create(String strategy, Map<String, Double> params, int tasks, double[] staticWeights,
                                       long seed, double learningRate) {
        Map<String, Double> given = params == null ? Map.of() : params;
        if (strategy == null) {
            throw new IllegalArgumentException("weighting strategy must be given, one of " + STRATEGIES);
        }
        return switch (strategy) {
            case EqualWeighting.NAME -> {
                allowOnly(strategy, given, Set.of());
                yield new EqualWeighting(tasks);
            }
            case StaticWeighting.NAME -> {
                allowOnly(strategy, given, Set.of());
                if (staticWeights == null || staticWeights.length != tasks) {
                    throw new IllegalArgumentException("static weighting needs one weight per task (" + tasks + ")");
                }
                yield new StaticWeighting(staticWeights);
            }
            case UncertaintyWeighting.NAME -> {
                allowOnly(strategy, given, Set.of());
                yield new UncertaintyWeighting(tasks, learningRate);
            }
            case DynamicWeightAverage.NAME -> {
                allowOnly(strategy, given, Set.of(PARAM_TEMPERATURE));
                yield new DynamicWeightAverage(tasks,
                        param(given, PARAM_TEMPERATURE, DynamicWeightAverage.DEFAULT_TEMPERATURE));
            }
            case GradNormWeighting.NAME -> {
                allowOnly(strategy, given, Set.of(PARAM_ALPHA, PARAM_LEARNING_RATE));
                yield new GradNormWeighting(tasks, param(given, PARAM_ALPHA, GradNormWeighting.DEFAULT_ALPHA),
                        param(given, PARAM_LEARNING_RATE, GradNormWeighting.DEFAULT_LEARNING_RATE));
            }
            case PcGrad.NAME -> {
                allowOnly(strategy, given, Set.of());
                yield new PcGrad(tasks, seed);
            }
            case CaGrad.NAME -> {
                allowOnly(strategy, given, Set.of(PARAM_C));
                yield new CaGrad(tasks, param(given, PARAM_C, CaGrad.DEFAULT_C));
            }
            case Famo.NAME -> {
                allowOnly(strategy, given, Set.of(PARAM_LEARNING_RATE, PARAM_GAMMA));
                yield new Famo(tasks, param(given, PARAM_LEARNING_RATE, Famo.DEFAULT_LEARNING_RATE),
                        param(given, PARAM_GAMMA, Famo.DEFAULT_GAMMA));
            }
            default -> throw new IllegalArgumentException("unknown weighting strategy '" + strategy + "', expected one of "
                    + STRATEGIES);
        };
    }

    private static void allowOnly(String strategy, Map<String, Double> params, Set<String> known) {
        for (String name : params.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("weighting '" + strategy + "' has no parameter '" + name
                        + "'" + (known.isEmpty() ? " (it takes none)" : ", expected " + known));
            }
        }
    }

    private static double param(Map<String, Double> params, String name, double fallback) {
        if (!params.containsKey(name)) {
            return fallback;
        }
        Double value = params.get(name);
        if (value == null) {
            throw new IllegalArgumentException("weighting parameter '" + name + "' must be a number");
        }
        return value;
    }
}
