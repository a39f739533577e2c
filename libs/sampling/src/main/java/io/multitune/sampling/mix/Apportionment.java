package io.multitune.sampling.mix;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Turns proportions into integer counts with the largest-remainder (Hamilton) method: every count is the floor of
 * its exact quota, and the units left over go to the largest fractional remainders. The counts add up to the
 * total exactly and each differs from its quota by less than one, which is as fair as integers allow.
 */
public final class Apportionment {

    private Apportionment() {
    }

    /**
     * @param proportions non-negative shares (normalised here, so they need not sum to 1 exactly)
     * @param total       the integer total to share out
     * @return counts summing to {@code total}; ties in remainder go to the lower index, so the result is stable
     */
    public static long[] largestRemainder(double[] proportions, long total) {
        if (total < 0) {
            throw new IllegalArgumentException("total must not be negative: " + total);
        }
        double sum = 0;
        for (double p : proportions) {
            if (!(p >= 0) || Double.isInfinite(p)) {
                throw new IllegalArgumentException("proportions must be finite and non-negative: "
                        + Arrays.toString(proportions));
            }
            sum += p;
        }
        long[] counts = new long[proportions.length];
        if (total == 0 || proportions.length == 0) {
            return counts;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("proportions must not all be zero");
        }
        double[] remainders = new double[proportions.length];
        long assigned = 0;
        for (int i = 0; i < proportions.length; i++) {
            double quota = proportions[i] / sum * total;
            counts[i] = (long) Math.floor(quota);
            remainders[i] = quota - counts[i];
            assigned += counts[i];
        }
        // Rounding in quota can make the floors overshoot by one in extreme cases; take it back from the smallest.
        Integer[] byRemainder = IntStream.range(0, proportions.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -remainders[i]).thenComparingInt(i -> i))
                .toArray(Integer[]::new);
        for (int k = 0; assigned < total; k = (k + 1) % byRemainder.length) {
            int i = byRemainder[k];
            if (proportions[i] > 0) {
                counts[i]++;
                assigned++;
            }
        }
        for (int k = byRemainder.length - 1; assigned > total; k = (k - 1 + byRemainder.length) % byRemainder.length) {
            int i = byRemainder[k];
            if (counts[i] > 0) {
                counts[i]--;
                assigned--;
            }
        }
        return counts;
    }
}
