package io.multitune.evaluation.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RegressionMetricsTest {

    private static final double EPS = 1e-12;
    private static final double[] X = {1, 2, 3, 4, 5};
    private static final double[] Y = {2, 4, 5, 4, 5};

    @Test
    void pearsonByHand() {
        // means 3 and 4; dx = −2,−1,0,1,2; dy = −2,0,1,0,1; Sxy = 6, Sxx = 10, Syy = 6: r = 6/√60 ≈ 0.77460
        assertEquals(6 / Math.sqrt(60), RegressionMetrics.pearson(X, Y), EPS);
    }

    @Test
    void spearmanAveragesTiedRanks() {
        // ranks of Y: 2→1, 4,4→2.5, 5,5→4.5; Pearson of (1..5) and (1,2.5,4.5,2.5,4.5):
        // dx = −2..2, dy = −2,−0.5,1.5,−0.5,1.5; Sxy = 7, Sxx = 10, Syy = 9: ρ = 7/√90 ≈ 0.73786 (scipy agrees)
        assertArrayEquals(new double[]{1, 2.5, 4.5, 2.5, 4.5}, RegressionMetrics.averageRanks(Y), EPS);
        assertEquals(7 / Math.sqrt(90), RegressionMetrics.spearman(X, Y), EPS);
    }

    @Test
    void mseByHand() {
        // (0.25 + 0 + 1)/3
        assertEquals(1.25 / 3, RegressionMetrics.mse(new double[]{1, 2, 3}, new double[]{1.5, 2, 2}), EPS);
    }

    @Test
    void aConstantSideGivesZeroCorrelation() {
        assertEquals(0.0, RegressionMetrics.pearson(X, new double[]{3, 3, 3, 3, 3}), EPS);
        assertEquals(0.0, RegressionMetrics.spearman(X, new double[]{3, 3, 3, 3, 3}), EPS);
    }

    @Test
    void perfectAndReversedOrder() {
        assertEquals(1.0, RegressionMetrics.spearman(X, new double[]{10, 20, 30, 40, 50}), EPS);
        assertEquals(-1.0, RegressionMetrics.pearson(X, new double[]{5, 4, 3, 2, 1}), EPS);
    }

    @Test
    void rejectsNonFiniteValues() {
        assertThrows(IllegalArgumentException.class,
                () -> RegressionMetrics.mse(new double[]{1}, new double[]{Double.NaN}));
    }
}
