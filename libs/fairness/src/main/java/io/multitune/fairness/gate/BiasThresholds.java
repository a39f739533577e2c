package io.multitune.fairness.gate;

import io.multitune.evaluation.Arguments;
import io.multitune.events.RunRequest;

/**
 * The bias gate's thresholds, {@code RunRequest.BiasGate} with its defaults filled in. All are on the figures' own
 * scales: rates and probability differences on [0, 1]; an increase over the baseline is in the figure's units (for a
 * regression task's value change, the target's units).
 *
 * @param maxDemographicParityDifference largest demographic parity difference (default 0.1)
 * @param maxEqualizedOddsDifference     largest equalized odds difference (default 0.1)
 * @param maxCounterfactualFlipRate      largest counterfactual flip rate (default 0.05)
 * @param maxIncreaseOverBaseline        largest increase of a gated figure over the task's baseline (default 0.02)
 */
public record BiasThresholds(double maxDemographicParityDifference, double maxEqualizedOddsDifference,
                             double maxCounterfactualFlipRate, double maxIncreaseOverBaseline) {

    /** Default largest demographic parity difference. */
    public static final double DEFAULT_MAX_DEMOGRAPHIC_PARITY_DIFFERENCE = 0.1;
    /** Default largest equalized odds difference. */
    public static final double DEFAULT_MAX_EQUALIZED_ODDS_DIFFERENCE = 0.1;
    /** Default largest flip rate. */
    public static final double DEFAULT_MAX_COUNTERFACTUAL_FLIP_RATE = 0.05;
    /** Default largest increase over the baseline. */
    public static final double DEFAULT_MAX_INCREASE_OVER_BASELINE = 0.02;

    /** Checks the fields: the first three on [0, 1], the last finite and non-negative. */
    public BiasThresholds {
        unit(maxDemographicParityDifference, "maxDemographicParityDifference");
        unit(maxEqualizedOddsDifference, "maxEqualizedOddsDifference");
        unit(maxCounterfactualFlipRate, "maxCounterfactualFlipRate");
        Arguments.require(Double.isFinite(maxIncreaseOverBaseline) && maxIncreaseOverBaseline >= 0,
                "maxIncreaseOverBaseline", "must be finite and non-negative, was " + maxIncreaseOverBaseline);
    }

    /** The thresholds of a run request's bias gate; null (no gate given) or null fields take the defaults. */
    public static BiasThresholds of(RunRequest.BiasGate gate) {
        if (gate == null) {
            return defaults();
        }
        return new BiasThresholds(
                or(gate.maxDemographicParityDifference(), DEFAULT_MAX_DEMOGRAPHIC_PARITY_DIFFERENCE),
                or(gate.maxEqualizedOddsDifference(), DEFAULT_MAX_EQUALIZED_ODDS_DIFFERENCE),
                or(gate.maxCounterfactualFlipRate(), DEFAULT_MAX_COUNTERFACTUAL_FLIP_RATE),
                or(gate.maxIncreaseOverBaseline(), DEFAULT_MAX_INCREASE_OVER_BASELINE));
    }

    /** 0.1, 0.1, 0.05, 0.02. */
    public static BiasThresholds defaults() {
        return new BiasThresholds(DEFAULT_MAX_DEMOGRAPHIC_PARITY_DIFFERENCE, DEFAULT_MAX_EQUALIZED_ODDS_DIFFERENCE,
                DEFAULT_MAX_COUNTERFACTUAL_FLIP_RATE, DEFAULT_MAX_INCREASE_OVER_BASELINE);
    }

    private static double or(Double value, double fallback) {
        return value == null ? fallback : value;
    }

    private static void unit(double value, String name) {
        Arguments.require(value >= 0 && value <= 1, name, "must lie in [0, 1], was " + value);
    }
}
