package io.multitune.sampling.mix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DynamicMixingTest {

    @Test
    void theTaskWhoseLossFellLeastGainsShare() {
        // lags 0.5 and 0.9, mean 0.7: p ∝ 0.5 e^-0.2, 0.5 e^0.2; bounds [0.25, 1] not reached
        double[] p = DynamicMixing.update(new double[] {0.5, 0.5}, new double[] {1, 1}, new double[] {0.5, 0.9},
                1.0, 2.0);
        assertArrayEquals(new double[] {0.40131233988754794, 1 - 0.40131233988754794}, p, 1e-12);
    }

    @Test
    void sharesStayWithinTheBoundsAfterNormalisation() {
        // eta 10 would give 0.018 / 0.982; the lower bound 0.5 / 2 holds, the rest goes to the other task
        double[] p = DynamicMixing.update(new double[] {0.5, 0.5}, new double[] {1, 1}, new double[] {0.5, 0.9},
                10.0, 2.0);
        assertArrayEquals(new double[] {0.25, 0.75}, p, 1e-12);

        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 500; trial++) {
            int tasks = 2 + random.nextInt(6);
            double[] base = MixingWeights.proportional(random.longs(tasks, 1, 10_000).toArray());
            double[] first = random.doubles(tasks, 0.5, 3).toArray();
            double[] current = random.doubles(tasks, 0.05, 3).toArray();
            double maxFactor = 1 + random.nextDouble() * 3;
            double[] q = DynamicMixing.update(base, first, current, random.nextDouble() * 20, maxFactor);
            double sum = 0;
            for (int i = 0; i < tasks; i++) {
                sum += q[i];
                assertTrue(q[i] >= base[i] / maxFactor - 1e-12 && q[i] <= base[i] * maxFactor + 1e-12,
                        "task " + i + ": " + q[i] + " outside [" + base[i] / maxFactor + ", " + base[i] * maxFactor
                                + "]");
            }
            assertEquals(1.0, sum, 1e-12);
        }
    }

    @Test
    void unusableLossesLeaveATaskAtTheMeanLag() {
        // lags 0.5, 1.0 and (NaN) the mean 0.75: p ∝ e^-0.25, e^0.25, e^0
        double[] p = DynamicMixing.update(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, new double[] {1, 1, Double.NaN},
                new double[] {0.5, 1, 2}, 1.0, 2.0);
        assertArrayEquals(new double[] {0.25427521259046565, 0.4192289516096977, 0.32649583579983665}, p, 1e-12);
        double[] base = {0.2, 0.8};
        assertArrayEquals(base, DynamicMixing.update(base, new double[] {0, 1}, new double[] {1, 0}, 1, 2), 1e-12);
    }

    @Test
    void noStepOrNoRoomChangesNothing() {
        double[] base = {0.1, 0.3, 0.6};
        double[] first = {1, 1, 1};
        double[] current = {0.2, 0.9, 0.5};
        assertArrayEquals(base, DynamicMixing.update(base, first, current, 0.0, 2.0), 1e-12);
        assertArrayEquals(base, DynamicMixing.update(base, first, current, 5.0, 1.0), 1e-12);
    }
}
