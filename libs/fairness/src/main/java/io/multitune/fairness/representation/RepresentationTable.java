package io.multitune.fairness.representation;

import io.multitune.events.Split;

import java.util.List;

/**
 * The counts: every term of every list for every task and split seen (zero counts included, so an absent term is
 * visible), sorted by task, split, list order and term order; and the per-category totals.
 *
 * @param terms      per task, split, category and term
 * @param categories per task, split and category
 */
public record RepresentationTable(List<TermCount> terms, List<CategoryCount> categories) {

    /** Copies the lists. */
    public RepresentationTable {
        terms = List.copyOf(terms);
        categories = List.copyOf(categories);
    }

    /** The term counts of one task, split and category. */
    public List<TermCount> terms(String task, Split split, String category) {
        return terms.stream().filter(t -> t.task().equals(task) && t.split() == split
                && t.category().equals(category)).toList();
    }

    /** The category count of one task, split and category, or null when the task and split were not seen. */
    public CategoryCount category(String task, Split split, String category) {
        return categories.stream().filter(c -> c.task().equals(task) && c.split() == split
                && c.category().equals(category)).findFirst().orElse(null);
    }
}
