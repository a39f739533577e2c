package io.multitune.fairness.stats;

import io.multitune.evaluation.stats.BootstrapResult;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BootstrapTest {

    @Test
    void clusterDesignDrawsWholeClusters() {
        // Rows 0 and 1 form cluster 5, row 2 cluster 7: a draw takes two clusters, so rows 0 and 1 always come
        // together and a draw holds 2, 3 or 4 rows.
        Design d = Design.clusters(new int[] {5, 5, 7});
        assertEquals(3, d.rows());
        assertEquals(2, d.units());
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 200; i++) {
            int[] rows = d.draw(random);
            int zeros = 0;
            int ones = 0;
            for (int r : rows) {
                zeros += r == 0 ? 1 : 0;
                ones += r == 1 ? 1 : 0;
            }
            assertEquals(zeros, ones);
            assertTrue(rows.length >= 2 && rows.length <= 4);
        }
    }

    @Test
    void stratifiedDesignKeepsStratumSizes() {
        // Stratum 0 holds rows 0 and 1, stratum 1 row 2: a draw takes two rows of {0, 1} and row 2 once.
        Design d = Design.strata(new int[] {0, 0, 1});
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 200; i++) {
            int[] rows = d.draw(random);
            assertEquals(3, rows.length);
            assertTrue(rows[0] <= 1 && rows[1] <= 1);
            assertEquals(2, rows[2]);
        }
    }

    @Test
    void intervalsAreSeededAndConstantsHaveNoSpread() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8};
        Design d = Design.rows(x.length);
        Bootstrap b = new Bootstrap(1000, 42);
        BootstrapResult a1 = b.interval(d, rows -> mean(x, rows));
        BootstrapResult a2 = new Bootstrap(42).interval(d, rows -> mean(x, rows));
        assertEquals(a1, a2);
        assertEquals(4.5, a1.observed(), 1e-12);
        assertTrue(a1.lower() < 4.5 && a1.upper() > 4.5 && a1.lower() >= 1 && a1.upper() <= 8, a1.toString());
        BootstrapResult constant = b.interval(d, rows -> 0.3);
        assertEquals(0.3, constant.lower(), 0);
        assertEquals(0.3, constant.upper(), 0);
        BootstrapResult same = b.pairedDifference(d, rows -> mean(x, rows), rows -> mean(x, rows));
        assertEquals(0.0, same.lower(), 0);
        assertEquals(0.0, same.upper(), 0);
    }

    @Test
    void unpairedDifferenceResamplesEachSide() {
        double[] a = {1, 1, 1, 1};
        double[] b = {0, 0, 1, 1};
        BootstrapResult r = new Bootstrap(3).unpairedDifference(Design.rows(4), rows -> mean(a, rows),
                Design.rows(4), rows -> mean(b, rows));
        assertEquals(0.5, r.observed(), 1e-12);
        assertTrue(r.lower() >= 0 && r.upper() <= 1 && r.lower() < r.upper(), r.toString());
    }

    @Test
    void undefinedStatisticsGiveNaNAndBadArgumentsFail() {
        BootstrapResult nan = new Bootstrap(1).interval(Design.rows(3), rows -> Double.NaN);
        assertTrue(Double.isNaN(nan.observed()) && Double.isNaN(nan.lower()) && Double.isNaN(nan.upper()));
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class, () -> new Bootstrap(10, 1));
        assertTrue(few.getMessage().startsWith("resamples:"), few.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> Design.clusters(new int[0]));
        assertTrue(empty.getMessage().startsWith("clusterOfRow:"), empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Design.rows(0));
        // A statistic that is defined on the data but NaN on some resample is a bug, not a figure.
        IllegalArgumentException flaky = assertThrows(IllegalArgumentException.class,
                () -> new Bootstrap(1).interval(Design.rows(4), rows -> rows.length == 4 && rows[0] == 0
                        && rows[1] == 1 ? 1 : Double.NaN));
        assertTrue(flaky.getMessage().startsWith("statistic:"), flaky.getMessage());
    }

    private static double mean(double[] x, int[] rows) {
        double s = 0;
        for (int r : rows) {
            s += x[r];
        }
        return s / rows.length;
    }
}
