package io.multitune.evaluation.metrics;

import io.multitune.evaluation.Arguments;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The registry of metrics: each one's name, whether higher is better, and how its value maps to [0, 1] for the
 * unified score. Shares (accuracy, F1, EM, ROUGE-L, BLEU) are already on [0, 1]; correlations and MCC on [−1, 1]
 * map by (x + 1)/2; ECE maps to 1 − x; MSE, unbounded and lower-is-better, maps to 1/(1 + MSE) (1 at a perfect
 * fit, 0.5 at MSE 1, towards 0 as the error grows — monotone, so a better model always scores higher).
 */
public enum MetricKind {
    ACCURACY("accuracy", true, Range.UNIT),
    MACRO_F1("macro-f1", true, Range.UNIT),
    MCC("mcc", true, Range.SIGNED_UNIT),
    ECE("ece", false, Range.UNIT),
    TOKEN_ACCURACY("token-accuracy", true, Range.UNIT),
    TAG_MACRO_F1("tag-macro-f1", true, Range.UNIT),
    ENTITY_F1("entity-f1", true, Range.UNIT),
    PEARSON("pearson", true, Range.SIGNED_UNIT),
    SPEARMAN("spearman", true, Range.SIGNED_UNIT),
    MSE("mse", false, Range.NON_NEGATIVE),
    EXACT_MATCH("exact-match", true, Range.UNIT),
    TOKEN_F1("token-f1", true, Range.UNIT),
    ROUGE_L("rouge-l", true, Range.UNIT),
    BLEU("bleu", true, Range.UNIT);

    /** The interval a metric's values lie in. */
    public enum Range {
        /** [0, 1]. */
        UNIT,
        /** [−1, 1]. */
        SIGNED_UNIT,
        /** [0, ∞). */
        NON_NEGATIVE
    }

    private final String metricName;
    private final boolean higherIsBetter;
    private final Range range;

    MetricKind(String metricName, boolean higherIsBetter, Range range) {
        this.metricName = metricName;
        this.higherIsBetter = higherIsBetter;
        this.range = range;
    }

    /** The metric's name as run requests and reports spell it, e.g. {@code macro-f1}. */
    public String metricName() {
        return metricName;
    }

    /** Whether a larger value is a better model (false for MSE and ECE). */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The interval the metric's values lie in. */
    public Range range() {
        return range;
    }

    /** The value mapped to [0, 1] with 1 best (see the class doc for each mapping). */
    public double toUnitInterval(double value) {
        Arguments.require(!Double.isNaN(value), "value", "must not be NaN");
        double unit = switch (this) {
            case MCC, PEARSON, SPEARMAN -> (value + 1) / 2;
            case ECE -> 1 - value;
            case MSE -> {
                Arguments.require(value >= 0, "value", "an MSE must be non-negative, was " + value);
                yield 1 / (1 + value);
            }
            default -> value;
        };
        // Clamp only against rounding; a value far outside its range is a caller's error.
        Arguments.require(unit >= -1e-9 && unit <= 1 + 1e-9, "value",
                value + " is outside the range of " + metricName);
        return Math.max(0, Math.min(1, unit));
    }

    /** The metric of this name (case-insensitive; underscores read as hyphens). */
    public static MetricKind byName(String name) {
        Arguments.notNull(name, "name");
        String wanted = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (MetricKind kind : values()) {
            if (kind.metricName.equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("name: unknown metric '" + name + "', known: "
                + Arrays.stream(values()).map(MetricKind::metricName).collect(Collectors.joining(", ")));
    }
}
