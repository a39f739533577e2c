package io.multitune.sampling.mix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.multitune.events.RunRequest;
import org.junit.jupiter.api.Test;

/** Hand-computed values of METHODS.md "Sampling" for pools of 100, 300 and 600 examples. */
class MixingWeightsTest {

    private static final long[] SIZES = {100, 300, 600};
    private static final double EPS = 1e-9;

    private static RunRequest.Sampling sampling(String strategy, double temperature, Long cap, String curriculumMixing) {
        return new RunRequest.Sampling(strategy, temperature, cap, "heterogeneous",
                new RunRequest.Curriculum("length", "sqrt", 0.2, 0.5, curriculumMixing),
                new RunRequest.Dynamic(1.0, 2.0), 32);
    }

    @Test
    void proportionalFollowsPoolSizes() {
        assertArrayEquals(new double[] {0.1, 0.3, 0.6},
                MixingWeights.initial(sampling("proportional", 2, 200L, "proportional"), SIZES), EPS);
    }

    @Test
    void uniformGivesEveryTaskTheSameShare() {
        assertArrayEquals(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0},
                MixingWeights.initial(sampling("uniform", 2, null, "proportional"), SIZES), EPS);
    }

    @Test
    void cappedCountsAtMostKExamplesPerTask() {
        // min(n, 200) = 100, 200, 200 over 500
        assertArrayEquals(new double[] {0.2, 0.4, 0.4},
                MixingWeights.initial(sampling("capped", 2, 200L, "proportional"), SIZES), EPS);
    }

    @Test
    void temperatureFlattensTheProportions() {
        // sqrt(0.1), sqrt(0.3), sqrt(0.6) renormalised
        assertArrayEquals(new double[] {0.19299279630882282, 0.3342733287016724, 0.47273387498950475},
                MixingWeights.initial(sampling("temperature", 2, null, "proportional"), SIZES), EPS);
        // 4th roots
        assertArrayEquals(new double[] {0.2576550213116627, 0.3390930778549999, 0.4032519008333375},
                MixingWeights.initial(sampling("temperature", 4, null, "proportional"), SIZES), EPS);
    }

    @Test
    void temperatureAppliesTheCapFirst() {
        // sqrt(0.2), sqrt(0.4), sqrt(0.4) renormalised
        assertArrayEquals(new double[] {0.2612038749637414, 0.36939806251812923, 0.36939806251812923},
                MixingWeights.initial(sampling("temperature", 2, 200L, "proportional"), SIZES), EPS);
    }

    @Test
    void temperatureOneIsProportionalAndHugeTemperatureIsNearlyUniform() {
        assertArrayEquals(new double[] {0.1, 0.3, 0.6},
                MixingWeights.initial(sampling("temperature", 1, null, "proportional"), SIZES), EPS);
        assertArrayEquals(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0},
                MixingWeights.initial(sampling("temperature", 1e9, null, "proportional"), SIZES), 1e-6);
    }

    @Test
    void curriculumUsesItsMixingAndDynamicStartsFromTemperature() {
        assertArrayEquals(new double[] {0.1, 0.3, 0.6},
                MixingWeights.initial(sampling("curriculum", 2, null, "proportional"), SIZES), EPS);
        assertArrayEquals(MixingWeights.temperature(SIZES, 2, Long.MAX_VALUE),
                MixingWeights.initial(sampling("curriculum", 2, null, "temperature"), SIZES), EPS);
        assertArrayEquals(MixingWeights.temperature(SIZES, 2, 200),
                MixingWeights.initial(sampling("dynamic", 2, 200L, "proportional"), SIZES), EPS);
    }

    @Test
    void emptyPoolsFallBackToUniformAndUnknownNamesAreRefused() {
        assertArrayEquals(new double[] {0.5, 0.5}, MixingWeights.proportional(new long[] {0, 0}), EPS);
        assertThrows(IllegalArgumentException.class,
                () -> MixingWeights.initial(sampling("zipf", 2, null, "proportional"), SIZES));
    }
}
