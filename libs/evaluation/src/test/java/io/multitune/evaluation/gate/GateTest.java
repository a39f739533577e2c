package io.multitune.evaluation.gate;

import io.multitune.evaluation.comparison.DeltaM;
import io.multitune.evaluation.comparison.TaskComparison;
import io.multitune.evaluation.metrics.MetricKind;
import io.multitune.evaluation.stats.BootstrapResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GateTest {

    private static BootstrapResult interval(double lower, double upper, double alpha) {
        return new BootstrapResult((lower + upper) / 2, lower, upper, 0.5, 1000, alpha, 1);
    }

    @Test
    void passesAndListsEveryCheckWithItsFigures() {
        // accuracy +12.5 % (significant gain); pearson 0.79 vs 0.80 (−1.25 %, not significant): Δm = 5.625 %.
        List<TaskComparison> cs = List.of(
                TaskComparison.of("sst2", MetricKind.ACCURACY, 0.9, 0.8, interval(0.05, 0.15, 0.05), null),
                TaskComparison.of("stsb", MetricKind.PEARSON, 0.79, 0.80, interval(-0.03, 0.01, 0.05), null));
        DeltaM d = DeltaM.of(cs);
        assertEquals(5.625, d.percent(), 1e-9);
        Verdict v = Gate.evaluate(Thresholds.of(null, null, null, 0.8), cs, d, 0.85);
        assertTrue(v.pass(), v.toString());
        assertTrue(v.reasons().isEmpty());
        assertEquals(List.of("delta-m", "task-drop:sst2", "task-drop:stsb", "unified-score"),
                v.checks().stream().map(Check::name).toList());
        assertTrue(v.checks().get(0).detail().contains("Δm +5.6"), v.checks().get(0).detail());
    }

    @Test
    void failsWithEveryReason() {
        // sst2: 0.70 vs 0.80, significantly worse by 12.5 % > 2 %; stsb: MSE 1.05 vs 1.0, significantly worse by
        // 5 % > 2 %; Δm = (−12.5 − 5)/2 = −8.75 % < 0; unified 0.6 < 0.7.
        List<TaskComparison> cs = List.of(
                TaskComparison.of("sst2", MetricKind.ACCURACY, 0.7, 0.8, interval(-0.15, -0.05, 0.05), null),
                TaskComparison.of("stsb", MetricKind.MSE, 1.05, 1.0, interval(0.01, 0.09, 0.05), null));
        Verdict v = Gate.evaluate(Thresholds.of(null, null, null, 0.7), cs, DeltaM.of(cs), 0.6);
        assertFalse(v.pass());
        assertEquals(4, v.reasons().size(), v.reasons().toString());
        assertTrue(v.reasons().get(0).startsWith("Δm -8.75% < minimum +0.00%"), v.reasons().get(0));
        assertTrue(v.reasons().get(1).contains("by 12.50%, more than the maximum drop 2.00%"), v.reasons().get(1));
        assertTrue(v.reasons().get(2).contains("stsb mse"), v.reasons().get(2));
        assertTrue(v.reasons().get(3).startsWith("unified score 0.6000 < minimum 0.7000"), v.reasons().get(3));
    }

    @Test
    void aSignificantDropWithinTheToleranceStillPasses() {
        // 0.792 vs 0.80: significantly worse by 1 %, within the default 2 %; Δm −1 % against a −5 % floor.
        List<TaskComparison> cs = List.of(
                TaskComparison.of("sst2", MetricKind.ACCURACY, 0.792, 0.8, interval(-0.015, -0.001, 0.05), null));
        Verdict v = Gate.evaluate(Thresholds.of(-5.0, null, null, null), cs, DeltaM.of(cs), 0.792);
        assertTrue(v.pass(), v.toString());
        assertTrue(v.checks().get(1).detail().contains("within the maximum drop 2.00%"), v.checks().get(1).detail());
        assertEquals(2, v.checks().size());
    }

    @Test
    void aSignificantLossAgainstAZeroBaselineFails() {
        List<TaskComparison> cs = List.of(
                TaskComparison.of("a", MetricKind.ACCURACY, 0.9, 0.8, interval(0.05, 0.15, 0.05), null),
                TaskComparison.of("m", MetricKind.MCC, -0.2, 0.0, interval(-0.3, -0.1, 0.05), null));
        Verdict v = Gate.evaluate(Thresholds.defaults(), cs, DeltaM.of(cs), 0.5);
        assertFalse(v.pass());
        assertEquals(1, v.reasons().size());
        assertTrue(v.reasons().get(0).contains("baseline is 0"), v.reasons().get(0));
    }

    @Test
    void thresholdsDefaultsAndChecks() {
        Thresholds t = Thresholds.defaults();
        assertEquals(0.0, t.minDeltaM());
        assertEquals(2.0, t.maxTaskDrop());
        assertEquals(0.05, t.alpha());
        assertEquals(OptionalDouble.empty(), t.minUnifiedScore());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Thresholds.of(null, null, 1.5, null));
        assertTrue(e.getMessage().startsWith("alpha"), e.getMessage());
    }

    @Test
    void rejectsComparisonsTestedAtAnotherAlpha() {
        List<TaskComparison> cs = List.of(
                TaskComparison.of("a", MetricKind.ACCURACY, 0.9, 0.8, interval(0.05, 0.15, 0.01), null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gate.evaluate(Thresholds.defaults(), cs, DeltaM.of(cs), 0.9));
        assertTrue(e.getMessage().startsWith("comparisons"), e.getMessage());
    }
}
