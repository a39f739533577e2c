package io.multitune.evaluation.metrics;

import java.util.Arrays;

/**
 * Corpus BLEU with its parts.
 *
 * @param bleu              BP · exp(mean of log p_n), in [0, 1]
 * @param precisions        clipped n-gram precisions p_1..p_4
 * @param brevityPenalty    1 when the candidate corpus is longer than the reference corpus, else exp(1 − r/c)
 * @param candidateLength   c, candidate tokens
 * @param referenceLength   r, effective reference tokens (closest reference length per sentence)
 */
public record BleuScore(double bleu, double[] precisions, double brevityPenalty, long candidateLength,
                        long referenceLength) {

    /** Copies the precisions so the record stays immutable. */
    public BleuScore {
        precisions = precisions.clone();
    }

    /** The precisions, copied. */
    @Override
    public double[] precisions() {
        return precisions.clone();
    }

    @Override
    public String toString() {
        return "BleuScore[bleu=" + bleu + ", precisions=" + Arrays.toString(precisions) + ", brevityPenalty="
                + brevityPenalty + ", candidateLength=" + candidateLength + ", referenceLength=" + referenceLength
                + "]";
    }
}
