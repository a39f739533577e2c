package io.multitune.sampling.mix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ApportionmentTest {

    @Test
    void leftoverUnitsGoToTheLargestRemainders() {
        // quotas 0.7, 2.1, 4.2: floors 0, 2, 4, the one unit left goes to 0.7
        assertArrayEquals(new long[] {1, 2, 4}, Apportionment.largestRemainder(new double[] {0.1, 0.3, 0.6}, 7));
        // equal remainders: the lower index wins
        assertArrayEquals(new long[] {4, 3, 3}, Apportionment.largestRemainder(new double[] {1, 1, 1}, 10));
        assertArrayEquals(new long[] {0, 0}, Apportionment.largestRemainder(new double[] {0.5, 0.5}, 0));
    }

    @Test
    void countsAddUpExactlyAndStayWithinOneOfTheQuota() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            double[] p = new double[1 + random.nextInt(8)];
            double sum = 0;
            for (int i = 0; i < p.length; i++) {
                p[i] = random.nextDouble();
                sum += p[i];
            }
            long total = random.nextLong(1_000_000);
            long[] counts = Apportionment.largestRemainder(p, total);
            long assigned = 0;
            for (int i = 0; i < p.length; i++) {
                assigned += counts[i];
                assertTrue(Math.abs(counts[i] - p[i] / sum * total) < 1.0 + 1e-6);
            }
            assertEquals(total, assigned);
        }
    }
}
