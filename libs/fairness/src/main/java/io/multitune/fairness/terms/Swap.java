package io.multitune.fairness.terms;

/**
 * One replacement made in a counterfactual.
 *
 * @param from  the text as it stood in the original (its own case)
 * @param to    what replaced it (case carried over from {@code from})
 * @param start where it stood: a character offset in a text, a token index in a token list
 * @param end   end, exclusive, in the same unit
 */
public record Swap(String from, String to, int start, int end) {
}
