package io.multitune.evaluation.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassificationMetricsTest {

    private static final double EPS = 1e-12;

    // gold 0,0,0,0,1,1,2,2,2,2 / pred 0,0,1,2,1,0,2,2,2,1. Confusion matrix (rows gold, columns predicted):
    //   [2 1 1]   support 4
    //   [1 1 0]   support 2
    //   [0 1 3]   support 4
    // predicted counts 3, 3, 4; 6 correct of 10.
    private static final int[] GOLD = {0, 0, 0, 0, 1, 1, 2, 2, 2, 2};
    private static final int[] PRED = {0, 0, 1, 2, 1, 0, 2, 2, 2, 1};

    @Test
    void accuracyOfTheThreeClassExampleIsSixTenths() {
        assertEquals(0.6, ClassificationMetrics.accuracy(GOLD, PRED), EPS);
    }

    @Test
    void perClassScoresOfTheThreeClassExample() {
        List<ClassScores> s = ClassificationMetrics.perClass(ConfusionMatrix.of(GOLD, PRED, 3));
        // class 0: P = 2/3, R = 2/4, F1 = 2·(1/3)/(7/6) = 4/7
        assertEquals(2.0 / 3, s.get(0).precision(), EPS);
        assertEquals(0.5, s.get(0).recall(), EPS);
        assertEquals(4.0 / 7, s.get(0).f1(), EPS);
        assertEquals(4, s.get(0).support());
        // class 1: P = 1/3, R = 1/2, F1 = 2/5
        assertEquals(1.0 / 3, s.get(1).precision(), EPS);
        assertEquals(0.5, s.get(1).recall(), EPS);
        assertEquals(0.4, s.get(1).f1(), EPS);
        assertEquals(2, s.get(1).support());
        // class 2: P = R = F1 = 3/4
        assertEquals(0.75, s.get(2).f1(), EPS);
        assertEquals(4, s.get(2).support());
    }

    @Test
    void macroF1IsTheMeanOfPerClassF1() {
        // (4/7 + 2/5 + 3/4)/3 = (241/140)/3 = 241/420
        assertEquals(241.0 / 420, ClassificationMetrics.macroF1(GOLD, PRED, 3), EPS);
    }

    @Test
    void macroF1LeavesOutAClassWithNeitherSupportNorPredictions() {
        // A fourth class that never occurs changes nothing.
        assertEquals(241.0 / 420, ClassificationMetrics.macroF1(GOLD, PRED, 4), EPS);
    }

    @Test
    void macroF1CountsAPredictedClassWithoutSupportAsZero() {
        // gold 0,0,1,1 / pred 0,3,1,1: class 0 F1 = 2·1·0.5/1.5 = 2/3; class 1 F1 = 1; class 3 (predicted once,
        // no support) F1 = 0; class 2 absent from both is left out: (2/3 + 1 + 0)/3 = 5/9.
        assertEquals(5.0 / 9, ClassificationMetrics.macroF1(new int[]{0, 0, 1, 1}, new int[]{0, 3, 1, 1}, 4), EPS);
    }

    @Test
    void multiclassMccFollowsGorodkin() {
        // c = 6, s = 10, p = (3,3,4), t = (4,2,4): Σ p·t = 34, Σ p² = 34, Σ t² = 36.
        // (6·10 − 34) / √((100 − 34)(100 − 36)) = 26 / (8·√66) ≈ 0.40005
        assertEquals(26 / (8 * Math.sqrt(66)), ClassificationMetrics.mcc(GOLD, PRED, 3), EPS);
    }

    @Test
    void binaryMccMatchesTheTwoByTwoFormula() {
        // TP = 6, FN = 2, TN = 3, FP = 1: (6·3 − 1·2) / √((6+1)(6+2)(3+1)(3+2)) = 16/√1120 ≈ 0.47809
        int[] gold = {1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0};
        int[] pred = {1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1};
        assertEquals(16 / Math.sqrt(1120), ClassificationMetrics.mcc(gold, pred, 2), EPS);
    }

    @Test
    void mccIsZeroWhenADenominatorIsZero() {
        // Every prediction is class 1: Σ p² = s², the denominator vanishes.
        assertEquals(0.0, ClassificationMetrics.mcc(new int[]{0, 1, 1}, new int[]{1, 1, 1}, 2), EPS);
    }

    @Test
    void perfectPredictionsGiveOne() {
        int[] g = {0, 1, 2, 1};
        assertEquals(1.0, ClassificationMetrics.mcc(g, g, 3), EPS);
        assertEquals(1.0, ClassificationMetrics.macroF1(g, g, 3), EPS);
    }

    @Test
    void eceOnATinyExample() {
        // 15 bins of width 1/15. 0.95 → bin (14/15, 1]; 0.65 → bin (9/15, 10/15]; 0.25 → bin (3/15, 4/15].
        // bin 14: conf 0.95, acc 1/2 → (2/5)·0.45 = 0.18; bin 9: conf 0.65, acc 1 → (2/5)·0.35 = 0.14;
        // bin 3: conf 0.25, acc 0 → (1/5)·0.25 = 0.05. ECE = 0.37.
        double[] confidence = {0.95, 0.95, 0.65, 0.65, 0.25};
        boolean[] correct = {true, false, true, true, false};
        assertEquals(0.37, ClassificationMetrics.expectedCalibrationError(confidence, correct), EPS);
    }

    @Test
    void eceFromProbabilitiesUsesTheArgmaxAsConfidence() {
        // Both examples have confidence 0.95; the first is right, the second wrong: |0.5 − 0.95| = 0.45.
        double[][] p = {{0.95, 0.05}, {0.05, 0.95}};
        assertEquals(0.45, ClassificationMetrics.expectedCalibrationError(p, new int[]{0, 0}), EPS);
    }

    @Test
    void eceEdgeConfidencesFallInTheEndBins() {
        // 0 and 1 are accepted; with one bin everything is in it: |1/2 − 1/2| = 0.
        assertEquals(0.0, ClassificationMetrics.expectedCalibrationError(new double[]{0, 1},
                new boolean[]{false, true}, 1), EPS);
        // Perfectly calibrated at the ends with 15 bins.
        assertEquals(0.0, ClassificationMetrics.expectedCalibrationError(new double[]{0, 1},
                new boolean[]{false, true}), EPS);
    }

    @Test
    void badInputNamesTheArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.accuracy(new int[]{1}, new int[]{1, 2}));
        assertTrue(e.getMessage().startsWith("predicted"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(new int[]{3}, new int[]{0}, 2));
        assertTrue(e.getMessage().startsWith("gold"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.expectedCalibrationError(new double[]{1.5}, new boolean[]{true}));
        assertTrue(e.getMessage().startsWith("confidence"), e.getMessage());
    }
}
