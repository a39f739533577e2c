package io.multitune.evaluation.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DistributionsTest {

    @Test
    void logGammaOfIntegersIsLogFactorial() {
        assertEquals(Math.log(24), Distributions.logGamma(5), 1e-13);
        assertEquals(0.5 * Math.log(Math.PI), Distributions.logGamma(0.5), 1e-13);
    }

    @Test
    void erfcReferenceValues() {
        assertEquals(0.15729920705028513, Distributions.erfc(1), 1e-14);
        assertEquals(1.0, Distributions.erfc(0), 1e-15);
        assertEquals(2 - 0.15729920705028513, Distributions.erfc(-1), 1e-14);
    }

    @Test
    void chiSquareSurvivalReferenceValues() {
        // The 95 % quantile of chi-square(1) is 3.841458820694124.
        assertEquals(0.05, Distributions.chiSquareSurvival(3.841458820694124, 1), 1e-12);
        // With 2 degrees of freedom the survival function is exp(−x/2).
        assertEquals(Math.exp(-3), Distributions.chiSquareSurvival(6, 2), 1e-13);
        assertEquals(Math.exp(-0.25), Distributions.chiSquareSurvival(0.5, 2), 1e-13);
    }

    @Test
    void binomialHalfCdf() {
        assertEquals(79.0 / 4096, Distributions.binomialHalfCdf(2, 12), 1e-15);
        assertEquals(1.0, Distributions.binomialHalfCdf(12, 12), 0);
    }
}
