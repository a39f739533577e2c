package io.multitune.dataprep;

import io.multitune.events.Split;
import io.multitune.events.SplitRatios;
import java.util.HashMap;
import java.util.Map;

/**
 * Deterministic, exact stratified splitting. Per stratum it counts the live examples of each split and gives a new
 * example to the split furthest below its share: the largest {@code share(split) * (n + 1) - count(split)}, ties
 * going to train, then validation, then test. Ten examples of one label at 0.8/0.1/0.1 thus land exactly 8/1/1,
 * and no randomness means a restarted ledger splits new records exactly as before.
 */
final class StratifiedSplitter {
    private static final Split[] ORDER = {Split.TRAIN, Split.VALIDATION, Split.TEST};
    /** Deficits closer than this are ties: shares are doubles, and ties must resolve by split order, not rounding. */
    private static final double TIE = 1e-9;

    /** Stratum (null allowed) to live counts indexed by split ordinal. */
    private final Map<String, int[]> counts = new HashMap<>();

    Split assign(String stratum, SplitRatios ratios) {
        int[] c = counts.get(stratum);
        int nAfter = 1 + (c == null ? 0 : c[0] + c[1] + c[2]);
        Split best = null;
        double bestDeficit = Double.NEGATIVE_INFINITY;
        for (Split split : ORDER) {
            double deficit = ratios.share(split) * nAfter - (c == null ? 0 : c[split.ordinal()]);
            if (deficit > bestDeficit + TIE) {
                best = split;
                bestDeficit = deficit;
            }
        }
        // Invalid ratios (a zero sum, rejected by SpecReader) give NaN deficits; train is the safe place then.
        return best == null ? Split.TRAIN : best;
    }

    void added(String stratum, Split split) {
        counts.computeIfAbsent(stratum, s -> new int[3])[split.ordinal()]++;
    }

    void removed(String stratum, Split split) {
        int[] c = counts.get(stratum);
        if (c != null) {
            c[split.ordinal()]--;
        }
    }
}
