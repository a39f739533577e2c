package io.multitune.fairness.terms;

/**
 * An occurrence of a listed term.
 *
 * @param term    the term as listed (lower case)
 * @param column  its column in the list (e.g. 0 masculine, 1 feminine)
 * @param surface the text as it occurs
 * @param start   character offset in a text, or token index in a token list
 * @param end     end, exclusive, in the same unit
 */
public record TermMatch(String term, int column, String surface, int start, int end) {
}
