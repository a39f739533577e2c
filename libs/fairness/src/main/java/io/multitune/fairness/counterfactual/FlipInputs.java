package io.multitune.fairness.counterfactual;

import io.multitune.evaluation.Arguments;
import io.multitune.fairness.stats.Design;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The validated per-pair data of a classification task's counterfactuals, with the statistics as functions of
 * resampled pair indices (what the bootstrap and {@link io.multitune.fairness.transfer.BiasTransfer} call).
 *
 * <p>Pair j compares source {@code sourceIndex[j]} with one of its counterfactuals: {@code originalPredicted[j]} is
 * the class ŷ predicted for the source and {@code originalProb[j]} = p(ŷ|x); {@code counterfactualPredicted[j]} is
 * the class predicted for the counterfactual and {@code counterfactualProbOfOriginalClass[j]} = p(ŷ|x'), the
 * probability of the <i>source's</i> class. Pairs of one source must agree on ŷ and p(ŷ|x).
 */
public final class FlipInputs {

    private final int[] originalPredicted;
    private final double[] originalProb;
    private final int[] counterfactualPredicted;
    private final double[] counterfactualProb;
    private final int[] sourceIndex;
    private final Design design;

    private FlipInputs(int[] originalPredicted, double[] originalProb, int[] counterfactualPredicted,
                       double[] counterfactualProb, int[] sourceIndex) {
        this.originalPredicted = originalPredicted;
        this.originalProb = originalProb;
        this.counterfactualPredicted = counterfactualPredicted;
        this.counterfactualProb = counterfactualProb;
        this.sourceIndex = sourceIndex;
        this.design = Design.clusters(sourceIndex);
    }

    /** Checks and copies the arrays (all of one non-zero length, probabilities in [0, 1]). */
    public static FlipInputs of(int[] originalPredicted, double[] originalProb, int[] counterfactualPredicted,
                                double[] counterfactualProbOfOriginalClass, int[] sourceIndex) {
        Arguments.notNull(originalPredicted, "originalPredicted");
        Arguments.notNull(originalProb, "originalProb");
        Arguments.notNull(counterfactualPredicted, "counterfactualPredicted");
        Arguments.notNull(counterfactualProbOfOriginalClass, "counterfactualProbOfOriginalClass");
        Arguments.notNull(sourceIndex, "sourceIndex");
        int n = originalPredicted.length;
        Arguments.sameNonEmptyLength(n, originalProb.length, "originalPredicted", "originalProb");
        Arguments.sameNonEmptyLength(n, counterfactualPredicted.length, "originalPredicted",
                "counterfactualPredicted");
        Arguments.sameNonEmptyLength(n, counterfactualProbOfOriginalClass.length, "originalPredicted",
                "counterfactualProbOfOriginalClass");
        Arguments.sameNonEmptyLength(n, sourceIndex.length, "originalPredicted", "sourceIndex");
        Checks.nonNegative(originalPredicted, "originalPredicted");
        Checks.nonNegative(counterfactualPredicted, "counterfactualPredicted");
        Checks.probabilities(originalProb, "originalProb");
        Checks.probabilities(counterfactualProbOfOriginalClass, "counterfactualProbOfOriginalClass");
        Checks.constantPerSource(sourceIndex, IntStream.of(originalPredicted).asDoubleStream().toArray(),
                "originalPredicted");
        Checks.constantPerSource(sourceIndex, originalProb, "originalProb");
        return new FlipInputs(originalPredicted.clone(), originalProb.clone(), counterfactualPredicted.clone(),
                counterfactualProbOfOriginalClass.clone(), sourceIndex.clone());
    }

    /** Number of pairs. */
    public int pairs() {
        return sourceIndex.length;
    }

    /** Number of distinct sources. */
    public int sources() {
        return design.units();
    }

    /** The cluster design: pairs of one source are drawn together. */
    public Design design() {
        return design;
    }

    /** The source of each pair, copied. */
    public int[] sourceIndex() {
        return sourceIndex.clone();
    }

    /** Whether pair j's predicted class changed. */
    public boolean flipped(int pair) {
        return originalPredicted[pair] != counterfactualPredicted[pair];
    }

    /** |p(ŷ|x) − p(ŷ|x')| of pair j. */
    public double absChange(int pair) {
        return Math.abs(originalProb[pair] - counterfactualProb[pair]);
    }

    /** Flipped pairs / pairs, over the given pair indices. */
    public double flipRate(int[] rows) {
        int flips = 0;
        for (int j : rows) {
            flips += flipped(j) ? 1 : 0;
        }
        return (double) flips / rows.length;
    }

    /** Mean |Δp| over the given pair indices. */
    public double meanAbsChange(int[] rows) {
        double sum = 0;
        for (int j : rows) {
            sum += absChange(j);
        }
        return sum / rows.length;
    }

    /** Largest |Δp| over the given pair indices. */
    public double maxAbsChange(int[] rows) {
        double max = 0;
        for (int j : rows) {
            max = Math.max(max, absChange(j));
        }
        return max;
    }

    /**
     * The k pairs that moved most, the cases worth explaining: flipped pairs first, then by |Δp| descending, ties by
     * pair index.
     */
    public int[] mostChanged(int k) {
        Arguments.require(k >= 0, "k", "must be non-negative, was " + k);
        return IntStream.range(0, pairs()).boxed()
                .sorted(Comparator.comparing((Integer j) -> !flipped(j))
                        .thenComparing(j -> -absChange(j))
                        .thenComparing(j -> j))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }
}
