package io.multitune.fairness.representation;

import io.multitune.events.Split;

import java.util.List;

/**
 * One category's counts in one task and split, by column.
 *
 * @param task              the task id
 * @param split             the split
 * @param category          the list's category
 * @param examples          examples of the task and split
 * @param mentioning        examples mentioning at least one term of the category
 * @param mentionsPerColumn occurrences of the terms of each column
 * @param examplesPerColumn examples mentioning at least one term of each column
 */
public record CategoryCount(String task, Split split, String category, long examples, long mentioning,
                            List<Long> mentionsPerColumn, List<Long> examplesPerColumn) {

    /** Copies the lists. */
    public CategoryCount {
        mentionsPerColumn = List.copyOf(mentionsPerColumn);
        examplesPerColumn = List.copyOf(examplesPerColumn);
    }

    /** Each column's share of the category's mentions; NaN each when there are none. */
    public List<Double> columnShares() {
        long total = mentionsPerColumn.stream().mapToLong(Long::longValue).sum();
        return mentionsPerColumn.stream().map(m -> total == 0 ? Double.NaN : (double) m / total).toList();
    }
}
