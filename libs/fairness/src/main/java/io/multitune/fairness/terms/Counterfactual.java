package io.multitune.fairness.terms;

import java.util.List;

/**
 * A counterfactual of one text.
 *
 * @param text     the text with every listed term moved by the rotation
 * @param rotation the column shift applied (1 for pairs)
 * @param swaps    what was replaced, in order (never empty)
 */
public record Counterfactual(String text, int rotation, List<Swap> swaps) {

    /** Copies the swaps. */
    public Counterfactual {
        swaps = List.copyOf(swaps);
    }
}
