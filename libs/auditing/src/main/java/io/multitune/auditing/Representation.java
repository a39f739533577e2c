package io.multitune.auditing;

import io.multitune.events.RunAudited;
import io.multitune.events.StandardExample;
import io.multitune.fairness.representation.CategoryCount;
import io.multitune.fairness.representation.RepresentationTable;
import io.multitune.fairness.representation.TermCount;
import io.multitune.fairness.representation.TermRepresentation;
import io.multitune.fairness.terms.TermList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The representation rows of a run's audit: per task, split and term category, how many examples there are, how
 * often the terms of each column are mentioned ({@link TermRepresentation}: word boundaries, any case, over every
 * text input and the tokens of tagging examples), and the most mentioned terms.
 */
public final class Representation {

    private Representation() {
    }

    /**
     * The rows of one term list.
     *
     * @param examplesByTask task id → its examples of every split (each counted under its own split)
     * @param topTerms       most mentioned terms kept per row, as {@code term=count} (terms never mentioned are left
     *                       out)
     */
    public static List<RunAudited.Representation> of(TermList terms, Map<String, List<StandardExample>> examplesByTask,
                                                     int topTerms) {
        return of(List.of(Objects.requireNonNull(terms, "terms")), examplesByTask, topTerms);
    }

    /** The rows of several term lists (of different categories). */
    public static List<RunAudited.Representation> of(List<TermList> terms,
                                                     Map<String, List<StandardExample>> examplesByTask,
                                                     int topTerms) {
        Objects.requireNonNull(examplesByTask, "examplesByTask");
        if (topTerms < 0) {
            throw new IllegalArgumentException("topTerms must be at least 0, was " + topTerms);
        }
        TermRepresentation counter = new TermRepresentation(terms);
        examplesByTask.forEach((task, examples) -> {
            for (StandardExample e : examples) {
                counter.add(task, e.split(), e.input());
            }
        });
        RepresentationTable table = counter.table();
        List<RunAudited.Representation> out = new ArrayList<>();
        for (CategoryCount c : table.categories()) {
            List<TermCount> counts = new ArrayList<>(table.terms(c.task(), c.split(), c.category()));
            // Most mentioned first; ties keep the list's order (the sort is stable).
            counts.sort(Comparator.comparingLong(TermCount::mentions).reversed());
            List<String> top = counts.stream().filter(t -> t.mentions() > 0).limit(topTerms)
                    .map(t -> t.term() + "=" + t.mentions()).toList();
            out.add(new RunAudited.Representation(c.task(), c.split().wireName(), c.category(), c.examples(),
                    c.mentionsPerColumn(), top));
        }
        return List.copyOf(out);
    }
}
