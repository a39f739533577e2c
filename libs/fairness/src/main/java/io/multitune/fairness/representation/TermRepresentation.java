package io.multitune.fairness.representation;

import io.multitune.evaluation.Arguments;
import io.multitune.events.ExampleInput;
import io.multitune.events.Split;
import io.multitune.events.StandardExample;
import io.multitune.fairness.terms.TermList;
import io.multitune.fairness.terms.TermMatch;
import io.multitune.fairness.terms.TermSwapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts identity terms over a stream of examples, one {@link #add} at a time (the auditor reads the examples topic
 * once and feeds every example in), then gives the {@link RepresentationTable}. Matching is the
 * {@link TermSwapper}'s: word boundaries, any case; the tokens of a tagging example are joined by spaces first. Not
 * thread-safe.
 */
public final class TermRepresentation {

    private final List<TermSwapper> swappers;
    /** task → split → per list: term counts and per-example tallies. */
    private final Map<String, Map<Split, Tally[]>> tallies = new TreeMap<>();

    /** A counter for these lists (at least one; categories must differ). */
    public TermRepresentation(List<TermList> lists) {
        Arguments.notNull(lists, "lists");
        Arguments.require(!lists.isEmpty(), "lists", "must hold at least one term list");
        Set<String> categories = new HashSet<>();
        List<TermSwapper> s = new ArrayList<>();
        for (TermList l : lists) {
            Arguments.notNull(l, "lists");
            Arguments.require(categories.add(l.category()), "lists", "category '" + l.category()
                    + "' is listed twice; merge its lists first");
            s.add(new TermSwapper(l));
        }
        this.swappers = List.copyOf(s);
    }

    /** The counts of a whole collection of examples. */
    public static RepresentationTable of(Iterable<StandardExample> examples, List<TermList> lists) {
        Arguments.notNull(examples, "examples");
        TermRepresentation r = new TermRepresentation(lists);
        for (StandardExample e : examples) {
            r.add(e);
        }
        return r.table();
    }

    /** Counts one example under its task and split. */
    public void add(StandardExample example) {
        Arguments.notNull(example, "example");
        add(example.taskId(), example.split(), example.input());
    }

    /** Counts one input under a task and split. */
    public void add(String task, Split split, ExampleInput input) {
        Arguments.require(task != null && !task.isBlank(), "task", "must be a non-blank id");
        Arguments.notNull(split, "split");
        Arguments.notNull(input, "input");
        List<String> texts = texts(input);
        Tally[] perList = tallies.computeIfAbsent(task, t -> new TreeMap<>())
                .computeIfAbsent(split, s -> newTallies());
        for (int l = 0; l < swappers.size(); l++) {
            TermSwapper swapper = swappers.get(l);
            Tally tally = perList[l];
            tally.examples++;
            Set<String> seenTerms = new HashSet<>();
            boolean[] seenColumns = new boolean[swapper.list().arity()];
            for (String text : texts) {
                for (TermMatch m : swapper.matches(text)) {
                    tally.mentions.merge(m.term(), 1L, Long::sum);
                    seenTerms.add(m.term());
                    seenColumns[m.column()] = true;
                }
            }
            for (String t : seenTerms) {
                tally.termExamples.merge(t, 1L, Long::sum);
            }
            boolean any = false;
            for (int c = 0; c < seenColumns.length; c++) {
                if (seenColumns[c]) {
                    tally.columnExamples[c]++;
                    any = true;
                }
            }
            tally.mentioning += any ? 1 : 0;
        }
    }

    /** The counts so far. */
    public RepresentationTable table() {
        List<TermCount> terms = new ArrayList<>();
        List<CategoryCount> categories = new ArrayList<>();
        tallies.forEach((task, bySplit) -> bySplit.entrySet().stream()
                .sorted(Comparator.comparingInt(e -> e.getKey().ordinal()))
                .forEach(e -> {
                    for (int l = 0; l < swappers.size(); l++) {
                        TermList list = swappers.get(l).list();
                        Tally tally = e.getValue()[l];
                        long[] perColumn = new long[list.arity()];
                        for (String term : list.terms()) {
                            int column = list.columnOf(term);
                            long mentions = tally.mentions.getOrDefault(term, 0L);
                            perColumn[column] += mentions;
                            terms.add(new TermCount(task, e.getKey(), list.category(), term, column, mentions,
                                    tally.termExamples.getOrDefault(term, 0L)));
                        }
                        List<Long> mentionsPerColumn = new ArrayList<>();
                        List<Long> examplesPerColumn = new ArrayList<>();
                        for (int c = 0; c < list.arity(); c++) {
                            mentionsPerColumn.add(perColumn[c]);
                            examplesPerColumn.add(tally.columnExamples[c]);
                        }
                        categories.add(new CategoryCount(task, e.getKey(), list.category(), tally.examples,
                                tally.mentioning, mentionsPerColumn, examplesPerColumn));
                    }
                }));
        return new RepresentationTable(terms, categories);
    }

    private Tally[] newTallies() {
        Tally[] t = new Tally[swappers.size()];
        for (int l = 0; l < t.length; l++) {
            t[l] = new Tally(swappers.get(l).list().arity());
        }
        return t;
    }

    /** The text inputs of an example: every non-null text field, and the tokens joined by spaces. */
    static List<String> texts(ExampleInput input) {
        List<String> out = new ArrayList<>(2);
        for (String s : new String[] {input.text(), input.textPair(), input.question(), input.context()}) {
            if (s != null) {
                out.add(s);
            }
        }
        if (input.tokens() != null) {
            out.add(String.join(" ", input.tokens()));
        }
        return out;
    }

    private static final class Tally {
        long examples;
        long mentioning;
        final long[] columnExamples;
        final Map<String, Long> mentions = new java.util.HashMap<>();
        final Map<String, Long> termExamples = new java.util.HashMap<>();

        Tally(int arity) {
            columnExamples = new long[arity];
        }
    }
}
