package io.multitune.fairness.counterfactual;

import io.multitune.fairness.CounterfactualKind;
import io.multitune.fairness.stats.Bootstrap;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlipStatisticsTest {

    // Five pairs from three sources.
    //   pair  source  ŷ(x)  p(ŷ|x)  ŷ(x')  p(ŷ|x')  flip  |Δp|
    //   0     0       1     0.9     1      0.8      no    0.1
    //   1     0       1     0.9     0      0.4      yes   0.5
    //   2     1       0     0.7     0      0.7      no    0.0
    //   3     2       1     0.6     0      0.3      yes   0.3
    //   4     2       1     0.6     1      0.65     no    0.05
    // flip rate = 2/5 = 0.4; mean |Δp| = (0.1 + 0.5 + 0 + 0.3 + 0.05)/5 = 0.95/5 = 0.19; max |Δp| = 0.5.
    static final int[] SOURCE = {0, 0, 1, 2, 2};
    static final int[] ORIGINAL = {1, 1, 0, 1, 1};
    static final double[] ORIGINAL_P = {0.9, 0.9, 0.7, 0.6, 0.6};
    static final int[] COUNTERFACTUAL = {1, 0, 0, 0, 1};
    static final double[] COUNTERFACTUAL_P = {0.8, 0.4, 0.7, 0.3, 0.65};

    @Test
    void figuresMatchTheHandComputation() {
        FlipStatistics s = FlipStatistics.of(ORIGINAL, ORIGINAL_P, COUNTERFACTUAL, COUNTERFACTUAL_P, SOURCE, 7);
        assertEquals(5, s.pairs());
        assertEquals(3, s.sources());
        assertEquals(2, s.flips());
        assertEquals(0.4, s.flipRate(), 1e-12);
        assertEquals(0.19, s.meanAbsChange(), 1e-12);
        assertEquals(0.5, s.maxAbsChange(), 1e-12);
        assertEquals(CounterfactualKind.LABEL_FLIPS, s.kind());
        assertTrue(s.flipRateInterval().lower() <= 0.4 && 0.4 <= s.flipRateInterval().upper());
        assertTrue(s.meanAbsChangeInterval().lower() <= 0.19 && 0.19 <= s.meanAbsChangeInterval().upper());
        // No resample holds a change above the observed maximum.
        assertTrue(s.maxAbsChangeInterval().upper() <= 0.5 + 1e-12);
        assertEquals(0.4, s.flipRateInterval().observed(), 1e-12);
        assertTrue(s.summary().contains("flip rate 0.4000"), s.summary());
    }

    @Test
    void theBootstrapResamplesSourcesNotPairs() {
        // Source A gives three flipped pairs, source B one unflipped pair. Drawing two sources gives {A, A} → 6/6,
        // {A, B} → 3/4 or {B, B} → 0/1: only 1, 0.75 and 0 can occur (pair resampling would also give 0.25, 0.5).
        FlipInputs in = FlipInputs.of(new int[] {1, 1, 1, 0}, new double[] {0.9, 0.9, 0.9, 0.8},
                new int[] {0, 0, 0, 0}, new double[] {0.2, 0.2, 0.2, 0.8}, new int[] {0, 0, 0, 1});
        assertEquals(0.75, in.flipRate(in.design().all()), 1e-12);
        Set<Double> seen = new HashSet<>();
        new Bootstrap(11).interval(in.design(), rows -> {
            double r = in.flipRate(rows);
            seen.add(r);
            return r;
        });
        assertEquals(Set.of(0.0, 0.75, 1.0), seen);
    }

    @Test
    void noFlipsGiveAZeroInterval() {
        FlipStatistics s = FlipStatistics.of(ORIGINAL, ORIGINAL_P, ORIGINAL, ORIGINAL_P, SOURCE, 1);
        assertEquals(0.0, s.flipRate(), 0);
        assertEquals(0.0, s.flipRateInterval().lower(), 0);
        assertEquals(0.0, s.flipRateInterval().upper(), 0);
        assertEquals(0.0, s.maxAbsChange(), 0);
    }

    @Test
    void mostChangedPutsFlipsFirstThenLargestChange() {
        FlipInputs in = FlipInputs.of(ORIGINAL, ORIGINAL_P, COUNTERFACTUAL, COUNTERFACTUAL_P, SOURCE);
        assertArrayEquals(new int[] {1, 3, 0, 4, 2}, in.mostChanged(10));
        assertArrayEquals(new int[] {1, 3}, in.mostChanged(2));
    }

    @Test
    void badInputsNameTheArgument() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> FlipStatistics.of(new int[0], new double[0], new int[0], new double[0], new int[0], 1));
        assertEquals("originalPredicted: must not be empty", empty.getMessage());
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> FlipInputs.of(ORIGINAL, ORIGINAL_P, COUNTERFACTUAL, COUNTERFACTUAL_P, new int[] {0, 1}));
        assertTrue(length.getMessage().startsWith("sourceIndex:"), length.getMessage());
        IllegalArgumentException prob = assertThrows(IllegalArgumentException.class,
                () -> FlipInputs.of(ORIGINAL, ORIGINAL_P, COUNTERFACTUAL, new double[] {0.8, 1.4, 0.7, 0.3, 0.6},
                        SOURCE));
        assertTrue(prob.getMessage().startsWith("counterfactualProbOfOriginalClass:"), prob.getMessage());
        IllegalArgumentException inconsistent = assertThrows(IllegalArgumentException.class,
                () -> FlipInputs.of(new int[] {1, 0, 0, 1, 1}, ORIGINAL_P, COUNTERFACTUAL, COUNTERFACTUAL_P, SOURCE));
        assertTrue(inconsistent.getMessage().startsWith("originalPredicted: pairs 0 and 1 share source 0"),
                inconsistent.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> FlipInputs.of(new int[] {-1}, new double[] {0.5}, new int[] {0}, new double[] {0.5},
                        new int[] {0}));
        assertThrows(IllegalArgumentException.class, () -> FlipStatistics.of(null, ORIGINAL_P, COUNTERFACTUAL,
                COUNTERFACTUAL_P, SOURCE, 1));
    }
}
