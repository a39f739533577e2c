package io.multitune.evaluation.metrics;

import io.multitune.evaluation.Arguments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Text-to-text metrics on whitespace tokens (case-sensitive; callers normalise beforehand if they want otherwise):
 * ROUGE-L F-measure (Lin 2004) and corpus BLEU-4 (Papineni et al. 2002).
 *
 * <p><b>ROUGE-L</b>: P = LCS/|candidate|, R = LCS/|reference|, F_β = (1+β²)PR / (R + β²P); the default β = 1 is what
 * Google's {@code rouge-score} package reports. A corpus scores the mean over sentence pairs.
 *
 * <p><b>BLEU</b>: clipped n-gram precisions for n = 1..4 summed over the corpus, uniform weights, brevity penalty
 * with the closest reference length per sentence (ties to the shorter). No smoothing: when any p_n is 0 the score is
 * 0. It is sacreBLEU's formula with {@code tokenize="none", smooth_method="none"}, on [0, 1] rather than 0–100.
 */
public final class TextGenerationMetrics {

    /** Highest n-gram order of BLEU. */
    public static final int BLEU_MAX_ORDER = 4;

    private TextGenerationMetrics() {
    }

    /** ROUGE-L F-measure with β = 1 of one candidate against one reference. */
    public static double rougeL(String candidate, String reference) {
        return rougeL(candidate, reference, 1.0);
    }

    /** ROUGE-L F_β of one candidate against one reference; 0 when either is empty or nothing is shared. */
    public static double rougeL(String candidate, String reference, double beta) {
        Arguments.require(beta > 0 && Double.isFinite(beta), "beta", "must be positive and finite, was " + beta);
        List<String> c = tokens(Arguments.notNull(candidate, "candidate"));
        List<String> r = tokens(Arguments.notNull(reference, "reference"));
        if (c.isEmpty() || r.isEmpty()) {
            return 0.0;
        }
        int lcs = longestCommonSubsequence(c, r);
        if (lcs == 0) {
            return 0.0;
        }
        double precision = (double) lcs / c.size();
        double recall = (double) lcs / r.size();
        double b2 = beta * beta;
        return (1 + b2) * precision * recall / (recall + b2 * precision);
    }

    /** Mean ROUGE-L F-measure (β = 1) over aligned candidates and references. */
    public static double meanRougeL(List<String> candidates, List<String> references) {
        Arguments.sameNonEmptySize(candidates, references, "candidates", "references");
        double sum = 0;
        for (int i = 0; i < candidates.size(); i++) {
            sum += rougeL(candidates.get(i), references.get(i));
        }
        return sum / candidates.size();
    }

    /** Length of the longest common subsequence of two token lists. */
    public static int longestCommonSubsequence(List<String> a, List<String> b) {
        Arguments.notNull(a, "a");
        Arguments.notNull(b, "b");
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (String x : a) {
            for (int j = 1; j <= b.size(); j++) {
                current[j] = x.equals(b.get(j - 1)) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }

    /** Corpus BLEU-4 of candidates, each with one or more references (see the class doc for the conventions). */
    public static BleuScore corpusBleu(List<String> candidates, List<List<String>> references) {
        Arguments.sameNonEmptySize(candidates, references, "candidates", "references");
        long[] matches = new long[BLEU_MAX_ORDER];
        long[] totals = new long[BLEU_MAX_ORDER];
        long candidateLength = 0;
        long referenceLength = 0;
        for (int i = 0; i < candidates.size(); i++) {
            List<String> c = tokens(Arguments.notNull(candidates.get(i), "candidates[" + i + "]"));
            List<String> refs = Arguments.notNull(references.get(i), "references[" + i + "]");
            Arguments.require(!refs.isEmpty(), "references[" + i + "]", "must hold at least one reference");
            List<List<String>> refTokens = new ArrayList<>();
            for (String ref : refs) {
                refTokens.add(tokens(Arguments.notNull(ref, "references[" + i + "]")));
            }
            candidateLength += c.size();
            referenceLength += closestLength(c.size(), refTokens);
            for (int n = 1; n <= BLEU_MAX_ORDER; n++) {
                Map<List<String>, Integer> candidateCounts = ngrams(c, n);
                Map<List<String>, Integer> maxReferenceCounts = new HashMap<>();
                for (List<String> r : refTokens) {
                    ngrams(r, n).forEach((g, k) -> maxReferenceCounts.merge(g, k, Math::max));
                }
                for (Map.Entry<List<String>, Integer> e : candidateCounts.entrySet()) {
                    matches[n - 1] += Math.min(e.getValue(), maxReferenceCounts.getOrDefault(e.getKey(), 0));
                }
                totals[n - 1] += Math.max(0, c.size() - n + 1);
            }
        }
        double[] precisions = new double[BLEU_MAX_ORDER];
        double logSum = 0;
        boolean anyZero = false;
        for (int n = 0; n < BLEU_MAX_ORDER; n++) {
            precisions[n] = totals[n] == 0 ? 0.0 : (double) matches[n] / totals[n];
            if (precisions[n] == 0) {
                anyZero = true;
            } else {
                logSum += Math.log(precisions[n]);
            }
        }
        double brevityPenalty = candidateLength == 0 ? 0.0
                : candidateLength > referenceLength ? 1.0 : Math.exp(1 - (double) referenceLength / candidateLength);
        double bleu = anyZero ? 0.0 : brevityPenalty * Math.exp(logSum / BLEU_MAX_ORDER);
        return new BleuScore(bleu, precisions, brevityPenalty, candidateLength, referenceLength);
    }

    private static int closestLength(int candidateLength, List<List<String>> references) {
        int best = references.get(0).size();
        for (List<String> r : references) {
            int d = Math.abs(r.size() - candidateLength);
            int bestD = Math.abs(best - candidateLength);
            if (d < bestD || (d == bestD && r.size() < best)) {
                best = r.size();
            }
        }
        return best;
    }

    private static Map<List<String>, Integer> ngrams(List<String> tokens, int n) {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            counts.merge(List.copyOf(tokens.subList(i, i + n)), 1, Integer::sum);
        }
        return counts;
    }

    private static List<String> tokens(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
    }
}
