package io.multitune.evaluation.metrics;

import io.multitune.evaluation.Arguments;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Regression metrics: Pearson and Spearman correlation, mean squared error.
 *
 * <p>A correlation with a constant side (zero variance) is reported as 0 rather than undefined: a model that
 * predicts one value for every example shows no association, and a NaN would poison the unified score.
 */
public final class RegressionMetrics {

    private RegressionMetrics() {
    }

    /** Pearson's r between gold and predicted values; 0 when either side has zero variance. */
    public static double pearson(double[] gold, double[] predicted) {
        check(gold, predicted);
        double meanGold = mean(gold);
        double meanPredicted = mean(predicted);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < gold.length; i++) {
            double dx = gold[i] - meanGold;
            double dy = predicted[i] - meanPredicted;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return 0.0;
        }
        return Math.max(-1.0, Math.min(1.0, sxy / Math.sqrt(sxx * syy)));
    }

    /** Spearman's ρ: Pearson's r of the ranks, tied values getting the average of their ranks. */
    public static double spearman(double[] gold, double[] predicted) {
        check(gold, predicted);
        return pearson(averageRanks(gold), averageRanks(predicted));
    }

    /** Mean squared error (1/n) Σ (gold − predicted)². */
    public static double mse(double[] gold, double[] predicted) {
        check(gold, predicted);
        double sum = 0;
        for (int i = 0; i < gold.length; i++) {
            double d = gold[i] - predicted[i];
            sum += d * d;
        }
        return sum / gold.length;
    }

    /** Ranks 1..n of the values, ties sharing the average of the ranks they span. */
    public static double[] averageRanks(double[] values) {
        Arguments.notNull(values, "values");
        Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[values.length];
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = rank;
            }
            i = j + 1;
        }
        return ranks;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static void check(double[] gold, double[] predicted) {
        Arguments.notNull(gold, "gold");
        Arguments.notNull(predicted, "predicted");
        Arguments.sameNonEmptyLength(gold.length, predicted.length, "gold", "predicted");
        for (int i = 0; i < gold.length; i++) {
            Arguments.require(Double.isFinite(gold[i]), "gold", "value at " + i + " is not finite");
            Arguments.require(Double.isFinite(predicted[i]), "predicted", "value at " + i + " is not finite");
        }
    }
}
