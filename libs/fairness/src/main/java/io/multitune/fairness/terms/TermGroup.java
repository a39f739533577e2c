package io.multitune.fairness.terms;

import io.multitune.evaluation.Arguments;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One equivalence group of a term list: terms that stand for the same thing across identities, one per column
 * ({@code he | she}, {@code christian | muslim | jewish}). Terms are kept lower-case with single spaces; a term may be
 * several words ({@code young man}).
 *
 * @param terms     the terms, column by column, at least two and all different
 * @param condition when the group applies to a term that also belongs to another group (see {@link Condition})
 */
public record TermGroup(List<String> terms, Condition condition) {

    /**
     * When a group applies to a term listed in more than one group, i.e. a term with several possible counterparts
     * (English "her" is both the object form of "him" and the possessive of "his"). A term listed in one group only
     * always uses it, whatever its condition.
     */
    public enum Condition {
        /** The group applies wherever its terms occur; among several, the first listed wins. */
        ALWAYS,
        /**
         * The group applies to an occurrence that looks like an object pronoun: the next word is absent (end of the
         * text), punctuation, or one of a short list of function words ({@link TermSwapper#OBJECT_FOLLOWERS}). It
         * then takes precedence over the ALWAYS groups of the term. Written {@code @object-position} in a list file.
         */
        OBJECT_POSITION
    }

    /** Normalises the terms (lower case, single spaces) and checks them. */
    public TermGroup {
        Arguments.notNull(terms, "terms");
        Arguments.notNull(condition, "condition");
        Arguments.require(terms.size() >= 2, "terms", "a group needs at least two terms, got " + terms);
        terms = terms.stream().map(TermGroup::normalise).toList();
        Set<String> seen = new HashSet<>();
        for (String t : terms) {
            Arguments.require(!t.isEmpty(), "terms", "must not hold an empty term: " + terms);
            Arguments.require(seen.add(t), "terms", "term '" + t + "' occurs twice in the group " + terms);
        }
    }

    /** A group that always applies. */
    public static TermGroup of(String... terms) {
        return new TermGroup(List.of(terms), Condition.ALWAYS);
    }

    /** Number of columns. */
    public int arity() {
        return terms.size();
    }

    /** The term of a column. */
    public String term(int column) {
        return terms.get(column);
    }

    /** The column of a term of this group, or −1. */
    public int columnOf(String term) {
        return terms.indexOf(normalise(term));
    }

    /** Lower case (root locale), trimmed, inner whitespace collapsed to single spaces. */
    public static String normalise(String term) {
        Arguments.notNull(term, "term");
        return term.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
