package io.multitune.sampling.stream;

/**
 * Interleaves items with exact quotas so that every prefix is as close to the quotas' proportions as integers
 * allow (smooth weighted round-robin, a deficit scheme): each pick, every item with quota left earns its quota in
 * credit, the item with most credit (lowest index on ties) is picked and pays the total. Over the whole sequence
 * item i is picked exactly quota_i times, and after any k picks its count stays within a pick or two of
 * k · quota_i / Σ quota: a 5% item turns up about every 20th pick, not in a clump. Deterministic, O(items) per pick.
 */
final class SmoothRoundRobin {

    private final long[] quota;
    private final long[] taken;
    private final long[] credit;
    private final long total;
    private long picked;

    SmoothRoundRobin(long[] quotas) {
        this.quota = quotas.clone();
        this.taken = new long[quotas.length];
        this.credit = new long[quotas.length];
        long sum = 0;
        for (long q : quotas) {
            if (q < 0) {
                throw new IllegalArgumentException("quotas must not be negative");
            }
            sum += q;
        }
        this.total = sum;
    }

    boolean hasNext() {
        return picked < total;
    }

    /** Index of the next item. */
    int next() {
        if (!hasNext()) {
            throw new IllegalStateException("all quotas are used up");
        }
        int best = -1;
        for (int i = 0; i < quota.length; i++) {
            if (taken[i] < quota[i]) {
                credit[i] += quota[i];
                if (best < 0 || credit[i] > credit[best]) {
                    best = i;
                }
            }
        }
        credit[best] -= total;
        taken[best]++;
        picked++;
        return best;
    }

    /** Picks still to come, per item. */
    long[] remaining() {
        long[] left = new long[quota.length];
        for (int i = 0; i < quota.length; i++) {
            left[i] = quota[i] - taken[i];
        }
        return left;
    }
}
