package io.multitune.evaluation.stats;

import io.multitune.evaluation.metrics.ClassificationMetrics;
import org.junit.jupiter.api.Test;

import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairedBootstrapTest {

    private static final int N = 400;

    /** Share of true values among the resampled ones: accuracy from per-example correctness. */
    private static ToDoubleFunction<int[]> shareOf(boolean[] correct) {
        return idx -> {
            int right = 0;
            for (int i : idx) {
                right += correct[i] ? 1 : 0;
            }
            return (double) right / idx.length;
        };
    }

    private static boolean[] correctEvery(int modulus, int wrongResidues) {
        boolean[] c = new boolean[N];
        for (int i = 0; i < N; i++) {
            c[i] = i % modulus >= wrongResidues;
        }
        return c;
    }

    @Test
    void intervalCoversTheKnownDifference() {
        // MTL right on 90 % (i % 10 ≠ 0), STL right on 70 % (i % 10 ≥ 3): difference exactly 0.2, and the STL-right
        // examples are a subset of the MTL-right ones, so every resample's difference is ≥ 0.
        boolean[] mtl = correctEvery(10, 1);
        boolean[] stl = correctEvery(10, 3);
        BootstrapResult r = new PairedBootstrap(7).compare(N, shareOf(mtl), shareOf(stl));
        assertEquals(0.2, r.observed(), 1e-12);
        assertTrue(r.lower() <= 0.2 && 0.2 <= r.upper(), r.toString());
        assertTrue(r.lower() > 0.1 && r.upper() < 0.3, r.toString());
        assertEquals(0.0, r.shareAtOrBelowZero(), 0);
        assertEquals(1000, r.resamples());
    }

    @Test
    void sameSeedSameIntervalOtherSeedOther() {
        boolean[] mtl = correctEvery(10, 1);
        boolean[] stl = correctEvery(7, 2);
        BootstrapResult a = new PairedBootstrap(1000, 42).compare(N, shareOf(mtl), shareOf(stl));
        BootstrapResult b = new PairedBootstrap(1000, 42).compare(N, shareOf(mtl), shareOf(stl));
        BootstrapResult c = new PairedBootstrap(1000, 43).compare(N, shareOf(mtl), shareOf(stl));
        assertEquals(a, b);
        assertNotEquals(a.lower(), c.lower());
    }

    @Test
    void identicalModelsGiveAZeroInterval() {
        int[] gold = new int[N];
        int[] pred = new int[N];
        for (int i = 0; i < N; i++) {
            gold[i] = i % 3;
            pred[i] = (i * 7) % 3;
        }
        ToDoubleFunction<int[]> f1 = idx -> ClassificationMetrics.macroF1(Resamples.select(gold, idx),
                Resamples.select(pred, idx), 3);
        BootstrapResult r = new PairedBootstrap(3).compare(N, f1, f1);
        assertEquals(0.0, r.lower(), 0);
        assertEquals(0.0, r.upper(), 0);
        assertEquals(1.0, r.shareAtOrBelowZero(), 0);
    }

    @Test
    void percentileInterpolatesLinearly() {
        double[] sorted = {1, 2, 3, 4};
        assertEquals(2.5, PairedBootstrap.percentile(sorted, 0.5), 1e-12);
        assertEquals(1.075, PairedBootstrap.percentile(sorted, 0.025), 1e-12);
        assertEquals(4.0, PairedBootstrap.percentile(sorted, 1), 0);
    }

    @Test
    void rejectsTooFewResamples() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PairedBootstrap(999, 1));
        assertTrue(e.getMessage().startsWith("resamples"), e.getMessage());
    }
}
