package io.multitune.fairness.counterfactual;

import io.multitune.evaluation.Arguments;
import io.multitune.fairness.stats.Design;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The validated per-pair data of a regression task's counterfactuals: pair j compares the value predicted for
 * source {@code sourceIndex[j]}, {@code originalValue[j]}, with the value predicted for one counterfactual,
 * {@code counterfactualValue[j]}. Pairs of one source must agree on the original value.
 */
public final class ValueChangeInputs {

    private final double[] originalValue;
    private final double[] counterfactualValue;
    private final int[] sourceIndex;
    private final Design design;

    private ValueChangeInputs(double[] originalValue, double[] counterfactualValue, int[] sourceIndex) {
        this.originalValue = originalValue;
        this.counterfactualValue = counterfactualValue;
        this.sourceIndex = sourceIndex;
        this.design = Design.clusters(sourceIndex);
    }

    /** Checks and copies the arrays (one non-zero length, finite values). */
    public static ValueChangeInputs of(double[] originalValue, double[] counterfactualValue, int[] sourceIndex) {
        Arguments.notNull(originalValue, "originalValue");
        Arguments.notNull(counterfactualValue, "counterfactualValue");
        Arguments.notNull(sourceIndex, "sourceIndex");
        Arguments.sameNonEmptyLength(originalValue.length, counterfactualValue.length, "originalValue",
                "counterfactualValue");
        Arguments.sameNonEmptyLength(originalValue.length, sourceIndex.length, "originalValue", "sourceIndex");
        for (int i = 0; i < originalValue.length; i++) {
            Arguments.finite(originalValue[i], "originalValue");
            Arguments.finite(counterfactualValue[i], "counterfactualValue");
        }
        Checks.constantPerSource(sourceIndex, originalValue, "originalValue");
        return new ValueChangeInputs(originalValue.clone(), counterfactualValue.clone(), sourceIndex.clone());
    }

    /** Number of pairs. */
    public int pairs() {
        return sourceIndex.length;
    }

    /** Number of distinct sources. */
    public int sources() {
        return design.units();
    }

    /** The cluster design over sources. */
    public Design design() {
        return design;
    }

    /** The source of each pair, copied. */
    public int[] sourceIndex() {
        return sourceIndex.clone();
    }

    /** |ŷ(x) − ŷ(x')| of pair j. */
    public double absChange(int pair) {
        return Math.abs(originalValue[pair] - counterfactualValue[pair]);
    }

    /** Mean |Δŷ| over the given pair indices. */
    public double meanAbsChange(int[] rows) {
        double sum = 0;
        for (int j : rows) {
            sum += absChange(j);
        }
        return sum / rows.length;
    }

    /** Largest |Δŷ| over the given pair indices. */
    public double maxAbsChange(int[] rows) {
        double max = 0;
        for (int j : rows) {
            max = Math.max(max, absChange(j));
        }
        return max;
    }

    /** The k pairs with the largest |Δŷ|, ties by pair index. */
    public int[] mostChanged(int k) {
        Arguments.require(k >= 0, "k", "must be non-negative, was " + k);
        return IntStream.range(0, pairs()).boxed()
                .sorted(Comparator.comparing((Integer j) -> -absChange(j)).thenComparing(j -> j))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }
}
