package io.multitune.fairness.terms;

import io.multitune.evaluation.Arguments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One category of identity terms (gender, religion, nationality, ...) as equivalence groups with aligned columns.
 *
 * <p>Rules, checked here: every group of a category has the same arity (the number of identities compared); a term
 * may belong to several groups (that is how many-to-one mappings such as his/her/hers/him are written) but always in
 * the same column, since a term cannot stand for two identities at once.
 *
 * <p><b>Many-to-one.</b> A term in several groups has several candidate counterparts; {@link #counterpart} picks one
 * per occurrence: an {@link TermGroup.Condition#OBJECT_POSITION} group whose condition holds first, else the first
 * {@link TermGroup.Condition#ALWAYS} group listed, else the first group listed. The shipped gender list uses it for
 * English pronouns: "his" → "her" and "hers" → "his" (their only groups), "him" → "her", and "her" → "his" as a
 * possessive ("her book" → "his book") unless it looks like an object ("I saw her." → "I saw him.").
 *
 * @param category the category name, lower case: letters, digits, '-' and '_'
 * @param groups   the groups, in the order they were listed (the order matters for many-to-one terms)
 */
public record TermList(String category, List<TermGroup> groups) {

    /** Checks the category, the arity and the columns, and copies the groups. */
    public TermList {
        Arguments.require(category != null && category.matches("[a-z0-9_-]+"), "category",
                "must be lower-case letters, digits, '-' or '_', was '" + category + "'");
        Arguments.notNull(groups, "groups");
        Arguments.require(!groups.isEmpty(), "groups", "category '" + category + "' must hold at least one group");
        groups = List.copyOf(groups);
        int arity = groups.get(0).arity();
        Map<String, Integer> columns = new HashMap<>();
        for (TermGroup g : groups) {
            Arguments.require(g.arity() == arity, "groups", "category '" + category + "' mixes arities " + arity
                    + " and " + g.arity() + " (group " + g.terms() + ")");
            for (int c = 0; c < g.arity(); c++) {
                Integer before = columns.putIfAbsent(g.term(c), c);
                Arguments.require(before == null || before == c, "groups", "term '" + g.term(c) + "' of category '"
                        + category + "' is in column " + before + " of one group and column " + c + " of another");
            }
        }
    }

    /** A list of groups that always apply, from plain string lists. */
    public static TermList of(String category, List<List<String>> groups) {
        Arguments.notNull(groups, "groups");
        return new TermList(category, groups.stream().map(g -> new TermGroup(g, TermGroup.Condition.ALWAYS)).toList());
    }

    /** Number of columns (identities compared). */
    public int arity() {
        return groups.get(0).arity();
    }

    /** Every distinct term, in the order first listed. */
    public List<String> terms() {
        LinkedHashMap<String, Boolean> terms = new LinkedHashMap<>();
        for (TermGroup g : groups) {
            for (String t : g.terms()) {
                terms.putIfAbsent(t, Boolean.TRUE);
            }
        }
        return List.copyOf(terms.keySet());
    }

    /** The column of a term, or −1 when it is not in the list. */
    public int columnOf(String term) {
        String key = TermGroup.normalise(term);
        for (TermGroup g : groups) {
            int c = g.columnOf(key);
            if (c >= 0) {
                return c;
            }
        }
        return -1;
    }

    /**
     * The counterpart of a term under a rotation r (1..arity−1): the term of column (column + r) mod arity of the
     * group chosen as the class documentation says.
     *
     * @param term           a term of the list, any case
     * @param rotation       the column shift, 1..arity−1
     * @param objectPosition whether this occurrence looks like an object pronoun
     */
    public String counterpart(String term, int rotation, boolean objectPosition) {
        Arguments.require(rotation >= 1 && rotation < arity(), "rotation",
                "must lie in 1.." + (arity() - 1) + ", was " + rotation);
        String key = TermGroup.normalise(term);
        TermGroup conditional = null;
        TermGroup always = null;
        TermGroup first = null;
        for (TermGroup g : groups) {
            if (g.columnOf(key) < 0) {
                continue;
            }
            if (first == null) {
                first = g;
            }
            if (g.condition() == TermGroup.Condition.OBJECT_POSITION) {
                if (objectPosition && conditional == null) {
                    conditional = g;
                }
            } else if (always == null) {
                always = g;
            }
        }
        Arguments.require(first != null, "term", "'" + term + "' is not in category '" + category + "'");
        TermGroup chosen = conditional != null ? conditional : always != null ? always : first;
        return chosen.term((chosen.columnOf(key) + rotation) % arity());
    }

    /** Whether some term of the list has counterparts that depend on an object-position condition. */
    public boolean hasConditionalGroups() {
        return groups.stream().anyMatch(g -> g.condition() != TermGroup.Condition.ALWAYS);
    }

    /** This list followed by the groups of another list of the same category (order kept: this one's first). */
    public TermList merge(TermList other) {
        Arguments.notNull(other, "other");
        Arguments.require(other.category.equals(category), "other",
                "category '" + other.category + "' cannot merge into '" + category + "'");
        List<TermGroup> all = new ArrayList<>(groups);
        all.addAll(other.groups);
        return new TermList(category, all);
    }
}
