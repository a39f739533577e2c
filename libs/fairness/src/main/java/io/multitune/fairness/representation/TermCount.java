package io.multitune.fairness.representation;

import io.multitune.events.Split;

/**
 * One term's count in one task and split.
 *
 * @param task     the task id
 * @param split    the split
 * @param category the list's category
 * @param term     the term as listed
 * @param column   its column (e.g. 0 masculine, 1 feminine)
 * @param mentions occurrences over all text inputs
 * @param examples examples with at least one occurrence
 */
public record TermCount(String task, Split split, String category, String term, int column, long mentions,
                        long examples) {
}
