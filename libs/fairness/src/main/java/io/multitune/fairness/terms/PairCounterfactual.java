package io.multitune.fairness.terms;

import java.util.List;

/**
 * A counterfactual of a text pair: the same rotation in both texts, so a name or pronoun that the two texts share
 * stays shared ("He is a nurse." / "The man works in a hospital." becomes "She is a nurse." / "The woman works in a
 * hospital.").
 *
 * @param text      the first text, swapped
 * @param textPair  the second text, swapped
 * @param rotation  the column shift applied
 * @param textSwaps replacements in the first text
 * @param pairSwaps replacements in the second text (at least one of the two lists is non-empty)
 */
public record PairCounterfactual(String text, String textPair, int rotation, List<Swap> textSwaps,
                                 List<Swap> pairSwaps) {

    /** Copies the swaps. */
    public PairCounterfactual {
        textSwaps = List.copyOf(textSwaps);
        pairSwaps = List.copyOf(pairSwaps);
    }
}
