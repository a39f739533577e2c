package io.multitune.fairness.terms;

import java.util.List;

/**
 * A counterfactual of a token list (token classification). Swaps replace tokens one for one, so token i of the
 * counterfactual is token i of the original or its replacement, and the tags stay aligned.
 *
 * @param tokens   the swapped tokens, as many as the original
 * @param rotation the column shift applied
 * @param swaps    replacements, with token indices [start, end)
 */
public record TokenCounterfactual(List<String> tokens, int rotation, List<Swap> swaps) {

    /** Copies the lists. */
    public TokenCounterfactual {
        tokens = List.copyOf(tokens);
        swaps = List.copyOf(swaps);
    }

    /** Per token, whether a swap replaced it: the tokens whose tags the tag-flip figures leave out. */
    public boolean[] swappedMask() {
        boolean[] mask = new boolean[tokens.size()];
        for (Swap s : swaps) {
            for (int i = s.start(); i < s.end(); i++) {
                mask[i] = true;
            }
        }
        return mask;
    }
}
