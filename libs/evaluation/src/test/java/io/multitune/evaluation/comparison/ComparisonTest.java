package io.multitune.evaluation.comparison;

import io.multitune.evaluation.metrics.MetricKind;
import io.multitune.evaluation.stats.BootstrapResult;
import io.multitune.evaluation.stats.McNemar;
import io.multitune.evaluation.stats.PairedBootstrap;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComparisonTest {

    private static final double EPS = 1e-9;

    private static BootstrapResult interval(double observed, double lower, double upper) {
        return new BootstrapResult(observed, lower, upper, 0.5, 1000, 0.05, 1);
    }

    @Test
    void lowerIsBetterMetricsAreSignAdjusted() {
        // MSE 0.8 against 1.0: 20 % lower error = +20 %; the interval [−0.3, −0.1] is on the better side.
        TaskComparison better = TaskComparison.of("sts", MetricKind.MSE, 0.8, 1.0, interval(-0.2, -0.3, -0.1), null);
        assertEquals(20.0, better.relativeChangePercent(), EPS);
        assertFalse(better.significantlyWorse());
        assertFalse(better.negativeTransfer());
        // MSE 1.2 against 1.0 with interval [0.1, 0.3]: −20 %, significantly worse.
        TaskComparison worse = TaskComparison.of("sts", MetricKind.MSE, 1.2, 1.0, interval(0.2, 0.1, 0.3), null);
        assertEquals(-20.0, worse.relativeChangePercent(), EPS);
        assertEquals(20.0, worse.dropPercent(), EPS);
        assertTrue(worse.significantlyWorse());
        assertTrue(worse.negativeTransfer());
    }

    @Test
    void higherIsBetterSignificanceNeedsTheUpperBoundBelowZero() {
        assertTrue(TaskComparison.of("t", MetricKind.ACCURACY, 0.7, 0.8, interval(-0.1, -0.15, -0.01), null)
                .significantlyWorse());
        assertFalse(TaskComparison.of("t", MetricKind.ACCURACY, 0.7, 0.8, interval(-0.1, -0.15, 0.01), null)
                .significantlyWorse());
    }

    @Test
    void mcNemarCanFlagNegativeTransferOnItsOwn() {
        // The interval straddles 0, but c = 10 against b = 2 is significant (p ≈ 0.0386 < 0.05).
        TaskComparison c = TaskComparison.of("sst2", MetricKind.ACCURACY, 0.78, 0.80, interval(-0.02, -0.05, 0.01),
                McNemar.fromCounts(2, 10));
        assertFalse(c.significantlyWorse());
        assertTrue(c.negativeTransfer());
        assertTrue(c.mcnemar().isPresent());
    }

    @Test
    void deltaMAveragesSignAdjustedRelativeChanges() {
        // accuracy 0.9 vs 0.8 → +12.5 %; MSE 1.2 vs 1.0 → −20 %; Δm = (12.5 − 20)/2 = −3.75 %.
        // A task with baseline MCC 0 is left out with a note.
        List<TaskComparison> cs = List.of(
                TaskComparison.of("a", MetricKind.ACCURACY, 0.9, 0.8, interval(0.1, 0.05, 0.15), null),
                TaskComparison.of("b", MetricKind.MSE, 1.2, 1.0, interval(0.2, 0.1, 0.3), null),
                TaskComparison.of("c", MetricKind.MCC, 0.1, 0.0, interval(0.1, -0.1, 0.3), null));
        DeltaM d = DeltaM.of(cs);
        assertEquals(-3.75, d.percent(), EPS);
        assertEquals(List.of("a", "b"), d.tasks());
        assertEquals(1, d.notes().size());
        assertTrue(d.notes().get(0).contains("task c"), d.notes().get(0));
    }

    @Test
    void deltaMUndefinedWhenEveryBaselineIsZero() {
        DeltaM d = DeltaM.of(List.of(
                TaskComparison.of("c", MetricKind.MCC, 0.1, 0.0, interval(0.1, -0.1, 0.3), null)));
        assertFalse(d.defined());
    }

    @Test
    void unifiedScoreIsTheWeightedMeanOfMappedMetrics() {
        // accuracy 0.9 → 0.9 (w 1); MSE 1.0 → 1/(1+1) = 0.5 (w 1); Pearson 0.6 → 0.8 (w 2):
        // (0.9 + 0.5 + 2·0.8)/4 = 0.75
        double u = UnifiedScore.of(List.of(
                TaskScore.of("a", MetricKind.ACCURACY, 0.9),
                TaskScore.of("b", MetricKind.MSE, 1.0),
                new TaskScore("c", MetricKind.PEARSON, 0.6, 2)));
        assertEquals(0.75, u, EPS);
    }

    @Test
    void unifiedScoreOfComparisonsUsesTheWeightsByTask() {
        List<TaskComparison> cs = List.of(
                TaskComparison.of("a", MetricKind.ACCURACY, 0.9, 0.8, interval(0.1, 0.05, 0.15), null),
                TaskComparison.of("b", MetricKind.ACCURACY, 0.6, 0.7, interval(-0.1, -0.2, 0.0), null));
        // MTL (0.9·3 + 0.6)/4 = 0.825; baselines (0.8·3 + 0.7)/4 = 0.775
        assertEquals(0.825, UnifiedScore.ofMtl(cs, Map.of("a", 3.0)), EPS);
        assertEquals(0.775, UnifiedScore.ofBaselines(cs, Map.of("a", 3.0)), EPS);
        assertThrows(IllegalArgumentException.class, () -> UnifiedScore.ofMtl(cs, Map.of("a", 0.0, "b", 0.0)));
    }

    @Test
    void computeBootstrapsFromMetricFunctions() {
        // MTL right on all but every 10th of 200 examples, STL on all but every 5th: 0.9 vs 0.8.
        int n = 200;
        TaskComparison c = TaskComparison.compute("t", MetricKind.ACCURACY, n,
                idx -> share(idx, 10), idx -> share(idx, 5), new PairedBootstrap(11), 0.05, null);
        assertEquals(0.9, c.mtl(), EPS);
        assertEquals(0.8, c.stl(), EPS);
        assertEquals(0.1, c.difference(), EPS);
        assertTrue(c.ciLower() <= 0.1 && 0.1 <= c.ciUpper());
        assertEquals(12.5, c.relativeChangePercent(), EPS);
    }

    private static double share(int[] idx, int wrongEvery) {
        int right = 0;
        for (int i : idx) {
            right += i % wrongEvery == 0 ? 0 : 1;
        }
        return (double) right / idx.length;
    }
}
