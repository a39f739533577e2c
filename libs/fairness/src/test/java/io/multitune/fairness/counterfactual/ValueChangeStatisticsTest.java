package io.multitune.fairness.counterfactual;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueChangeStatisticsTest {

    @Test
    void meanAndMaxAbsoluteChangeMatchTheHandComputation() {
        // Pairs: (3.0 → 2.5), (3.0 → 4.0) of source 0, (1.0 → 1.0) of source 1.
        // |Δŷ| = 0.5, 1.0, 0.0: mean 1.5/3 = 0.5, max 1.0.
        ValueChangeStatistics s = ValueChangeStatistics.of(new double[] {3.0, 3.0, 1.0},
                new double[] {2.5, 4.0, 1.0}, new int[] {0, 0, 1}, 5);
        assertEquals(3, s.pairs());
        assertEquals(2, s.sources());
        assertEquals(0.5, s.meanAbsChange(), 1e-12);
        assertEquals(1.0, s.maxAbsChange(), 1e-12);
        assertTrue(s.meanAbsChangeInterval().lower() <= 0.5 && 0.5 <= s.meanAbsChangeInterval().upper());
        ValueChangeInputs in = ValueChangeInputs.of(new double[] {3.0, 3.0, 1.0}, new double[] {2.5, 4.0, 1.0},
                new int[] {0, 0, 1});
        assertArrayEquals(new int[] {1, 0}, in.mostChanged(2));
    }

    @Test
    void badInputsNameTheArgument() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> ValueChangeInputs.of(new double[] {1}, new double[] {Double.NaN}, new int[] {0}));
        assertTrue(nan.getMessage().startsWith("counterfactualValue:"), nan.getMessage());
        IllegalArgumentException inconsistent = assertThrows(IllegalArgumentException.class,
                () -> ValueChangeInputs.of(new double[] {1, 2}, new double[] {1, 1}, new int[] {0, 0}));
        assertTrue(inconsistent.getMessage().startsWith("originalValue:"), inconsistent.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> ValueChangeInputs.of(new double[0], new double[0], new int[0]));
        assertEquals("originalValue: must not be empty", empty.getMessage());
    }
}
