package io.multitune.fairness.counterfactual;

import io.multitune.evaluation.Arguments;
import io.multitune.fairness.stats.Design;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The validated pairs of a token-classification task, reduced to per-pair counts, with the statistics as functions
 * of resampled pair indices. A pair in which the swap touched every token has nothing to measure and is left out
 * ({@link #excludedPairs()}); pairs of one source must agree on the source's tags and probabilities.
 */
public final class TagFlipInputs {

    private final int excludedPairs;
    private final int[] sourceIndex;
    private final int[] untouched;
    private final int[] flippedTokens;
    private final double[] sumAbsChange;
    private final double[] maxAbsChange;
    private final Design design;

    private TagFlipInputs(List<TaggedPair> kept, int excludedPairs) {
        int m = kept.size();
        this.excludedPairs = excludedPairs;
        this.sourceIndex = new int[m];
        this.untouched = new int[m];
        this.flippedTokens = new int[m];
        this.sumAbsChange = new double[m];
        this.maxAbsChange = new double[m];
        for (int j = 0; j < m; j++) {
            TaggedPair p = kept.get(j);
            sourceIndex[j] = p.source();
            untouched[j] = p.untouched();
            flippedTokens[j] = p.flippedTokens();
            sumAbsChange[j] = p.sumAbsChange();
            maxAbsChange[j] = p.maxAbsChange();
        }
        this.design = Design.clusters(sourceIndex);
    }

    /** Checks the pairs and keeps those with at least one untouched token (at least one must have one). */
    public static TagFlipInputs of(List<TaggedPair> pairs) {
        Arguments.notNull(pairs, "pairs");
        Arguments.require(!pairs.isEmpty(), "pairs", "must not be empty");
        Map<Integer, TaggedPair> firstOfSource = new HashMap<>();
        List<TaggedPair> kept = new ArrayList<>();
        for (int j = 0; j < pairs.size(); j++) {
            TaggedPair p = Arguments.notNull(pairs.get(j), "pairs");
            TaggedPair first = firstOfSource.putIfAbsent(p.source(), p);
            if (first != null) {
                Arguments.require(Arrays.equals(first.originalTags(), p.originalTags())
                                && Arrays.equals(first.originalProb(), p.originalProb()), "pairs",
                        "pair " + j + " gives source " + p.source() + " other tags or probabilities than an earlier"
                                + " pair of the same source");
            }
            if (p.untouched() > 0) {
                kept.add(p);
            }
        }
        Arguments.require(!kept.isEmpty(), "pairs", "every pair had all its tokens swapped; nothing to measure");
        return new TagFlipInputs(kept, pairs.size() - kept.size());
    }

    /** Number of pairs measured. */
    public int pairs() {
        return sourceIndex.length;
    }

    /** Pairs left out because the swap touched every token. */
    public int excludedPairs() {
        return excludedPairs;
    }

    /** Number of distinct sources measured. */
    public int sources() {
        return design.units();
    }

    /** The cluster design over sources. */
    public Design design() {
        return design;
    }

    /** The source of each measured pair, copied. */
    public int[] sourceIndex() {
        return sourceIndex.clone();
    }

    /** Untouched tokens over the given pairs. */
    public long untouchedTokens(int[] rows) {
        long n = 0;
        for (int j : rows) {
            n += untouched[j];
        }
        return n;
    }

    /** Sequence flip rate: pairs with at least one untouched token whose tag changed / pairs. */
    public double sequenceFlipRate(int[] rows) {
        int flips = 0;
        for (int j : rows) {
            flips += flippedTokens[j] > 0 ? 1 : 0;
        }
        return (double) flips / rows.length;
    }

    /** Token flip rate: untouched tokens whose tag changed / untouched tokens, pooled over the given pairs. */
    public double tokenFlipRate(int[] rows) {
        long flips = 0;
        for (int j : rows) {
            flips += flippedTokens[j];
        }
        return (double) flips / untouchedTokens(rows);
    }

    /** Mean |Δp| of the source's tag over the untouched tokens, pooled over the given pairs. */
    public double meanAbsChange(int[] rows) {
        double s = 0;
        for (int j : rows) {
            s += sumAbsChange[j];
        }
        return s / untouchedTokens(rows);
    }

    /** Largest |Δp| of an untouched token over the given pairs. */
    public double maxAbsChange(int[] rows) {
        double m = 0;
        for (int j : rows) {
            m = Math.max(m, maxAbsChange[j]);
        }
        return m;
    }

    /**
     * The k measured pairs that moved most: by flipped tokens descending, then by Σ|Δp| descending, ties by index
     * (indices into the measured pairs, which are the given pairs less the excluded ones, in order).
     */
    public int[] mostChanged(int k) {
        Arguments.require(k >= 0, "k", "must be non-negative, was " + k);
        return IntStream.range(0, pairs()).boxed()
                .sorted(Comparator.comparing((Integer j) -> -flippedTokens[j])
                        .thenComparing(j -> -sumAbsChange[j])
                        .thenComparing(j -> j))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }
}
