package io.multitune.fairness.counterfactual;

import io.multitune.evaluation.Arguments;

/**
 * One token-classification pair: a source token list and one counterfactual of it, token i of each aligned (swaps
 * replace tokens one for one, see {@link io.multitune.fairness.terms.TokenCounterfactual}).
 *
 * @param source                           the source's index
 * @param originalTags                     the tag predicted for each token of the source
 * @param originalProb                     p(tag_i|x) of each predicted tag
 * @param counterfactualTags               the tag predicted for each token of the counterfactual
 * @param counterfactualProbOfOriginalTags p(tag_i|x'), the probability of the <i>source's</i> tag at token i
 * @param swapped                          whether token i was replaced by the swap (its tag is left out)
 */
public record TaggedPair(int source, int[] originalTags, double[] originalProb, int[] counterfactualTags,
                         double[] counterfactualProbOfOriginalTags, boolean[] swapped) {

    /** Checks the lengths and values, and copies the arrays. */
    public TaggedPair {
        Arguments.notNull(originalTags, "originalTags");
        Arguments.notNull(originalProb, "originalProb");
        Arguments.notNull(counterfactualTags, "counterfactualTags");
        Arguments.notNull(counterfactualProbOfOriginalTags, "counterfactualProbOfOriginalTags");
        Arguments.notNull(swapped, "swapped");
        int n = originalTags.length;
        Arguments.sameNonEmptyLength(n, originalProb.length, "originalTags", "originalProb");
        Arguments.sameNonEmptyLength(n, counterfactualTags.length, "originalTags", "counterfactualTags");
        Arguments.sameNonEmptyLength(n, counterfactualProbOfOriginalTags.length, "originalTags",
                "counterfactualProbOfOriginalTags");
        Arguments.sameNonEmptyLength(n, swapped.length, "originalTags", "swapped");
        Checks.nonNegative(originalTags, "originalTags");
        Checks.nonNegative(counterfactualTags, "counterfactualTags");
        Checks.probabilities(originalProb, "originalProb");
        Checks.probabilities(counterfactualProbOfOriginalTags, "counterfactualProbOfOriginalTags");
        originalTags = originalTags.clone();
        originalProb = originalProb.clone();
        counterfactualTags = counterfactualTags.clone();
        counterfactualProbOfOriginalTags = counterfactualProbOfOriginalTags.clone();
        swapped = swapped.clone();
    }

    /** Tokens the swap did not touch. */
    public int untouched() {
        int n = 0;
        for (boolean s : swapped) {
            n += s ? 0 : 1;
        }
        return n;
    }

    /** Untouched tokens whose predicted tag changed. */
    public int flippedTokens() {
        int n = 0;
        for (int i = 0; i < swapped.length; i++) {
            if (!swapped[i] && originalTags[i] != counterfactualTags[i]) {
                n++;
            }
        }
        return n;
    }

    /** Σ |p(tag_i|x) − p(tag_i|x')| over the untouched tokens. */
    public double sumAbsChange() {
        double s = 0;
        for (int i = 0; i < swapped.length; i++) {
            if (!swapped[i]) {
                s += Math.abs(originalProb[i] - counterfactualProbOfOriginalTags[i]);
            }
        }
        return s;
    }

    /** max |p(tag_i|x) − p(tag_i|x')| over the untouched tokens (0 when none). */
    public double maxAbsChange() {
        double m = 0;
        for (int i = 0; i < swapped.length; i++) {
            if (!swapped[i]) {
                m = Math.max(m, Math.abs(originalProb[i] - counterfactualProbOfOriginalTags[i]));
            }
        }
        return m;
    }
}
