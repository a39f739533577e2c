package io.multitune.evaluation.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class McNemarTest {

    @Test
    void exactTestForFewDiscordantPairs() {
        // b = 10, c = 2, n = 12: P(X ≤ 2) = (C(12,0) + C(12,1) + C(12,2))/2^12 = 79/4096; two-sided 158/4096 ≈ 0.0386
        McNemarResult r = McNemar.fromCounts(10, 2);
        assertEquals(McNemar.Method.EXACT_BINOMIAL, r.method());
        assertEquals(158.0 / 4096, r.pValue(), 1e-15);
        assertTrue(Double.isNaN(r.statistic()));
        assertTrue(r.significantAt(0.05));
        assertFalse(r.mtlWorseAt(0.05));
    }

    @Test
    void chiSquareWithContinuityCorrectionFromTwentyFivePairs() {
        // b = 30, c = 15: χ² = (|30 − 15| − 1)²/45 = 196/45 ≈ 4.3556; p = erfc(√(χ²/2)) ≈ 0.036888 (scipy: 0.0368884)
        McNemarResult r = McNemar.fromCounts(30, 15);
        assertEquals(McNemar.Method.CHI_SQUARE_CORRECTED, r.method());
        assertEquals(196.0 / 45, r.statistic(), 1e-12);
        assertEquals(0.03688842570704985, r.pValue(), 1e-12);
    }

    @Test
    void theSwitchIsAtTwentyFive() {
        assertEquals(McNemar.Method.EXACT_BINOMIAL, McNemar.fromCounts(12, 12).method());
        assertEquals(McNemar.Method.CHI_SQUARE_CORRECTED, McNemar.fromCounts(13, 12).method());
    }

    @Test
    void noDiscordantPairsOrBalancedOnesGiveOne() {
        assertEquals(1.0, McNemar.fromCounts(0, 0).pValue());
        // 2·P(X ≤ 5 | n = 10) = 2·638/1024 > 1, capped at 1
        assertEquals(1.0, McNemar.fromCounts(5, 5).pValue());
    }

    @Test
    void countsDiscordantPairsFromCorrectness() {
        boolean[] mtl = {true, true, false, false, true};
        boolean[] stl = {true, false, true, false, false};
        McNemarResult r = McNemar.test(mtl, stl);
        assertEquals(2, r.mtlOnlyRight());
        assertEquals(1, r.stlOnlyRight());
    }

    @Test
    void flagsTheMultiTaskModelWorse() {
        assertTrue(McNemar.fromCounts(2, 10).mtlWorseAt(0.05));
        assertThrows(IllegalArgumentException.class, () -> McNemar.fromCounts(-1, 2));
    }
}
