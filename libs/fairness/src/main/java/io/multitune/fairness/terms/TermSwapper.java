package io.multitune.fairness.terms;

import io.multitune.evaluation.Arguments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the terms of one {@link TermList} in texts and token lists and makes their counterfactuals.
 *
 * <p><b>Matching.</b> A term matches at word boundaries only (no letter, digit or underscore on either side), case
 * insensitively; "he" matches "He" and "he's" but not "the" or "hello". The words of a multi-word term may be
 * separated by any whitespace. Longer terms are tried first, so "young man" wins over "man".
 *
 * <p><b>Swapping.</b> A counterfactual applies one rotation r to every match at once: the term of column c becomes
 * the term of column (c + r) mod k of its group (see {@link TermList#counterpart} for terms in several groups). A list
 * of arity k gives k − 1 counterfactuals per text that mentions one of its terms, none for a text that mentions none.
 * The replacement takes the case of the original: all capitals (when it has two letters or more) stay all capitals,
 * a capital first letter stays capital, and anything else gets the list's lower case. Names in the lists are lower
 * case and come out capitalised where the text capitalised them.
 *
 * <p><b>Tokens.</b> For token lists a term matches consecutive tokens equal to its words (any case), and is replaced
 * only when its counterpart has as many words, token for token; a term whose counterpart has another word count is
 * left in place, so that tags stay aligned.
 */
public final class TermSwapper {

    /**
     * Words after which an ambiguous term counts as in object position ({@link TermGroup.Condition#OBJECT_POSITION}):
     * prepositions, conjunctions, articles, auxiliaries and time adverbs, which follow an object pronoun ("told her to
     * go", "gave her a book", "saw her yesterday") but rarely a possessive. A heuristic: "her own book" is read as
     * possessive (right), "found her quickly" also as possessive (wrong).
     */
    public static final Set<String> OBJECT_FOLLOWERS = Set.of("to", "and", "or", "but", "nor", "the", "a", "an",
            "that", "this", "these", "those", "in", "on", "at", "for", "with", "from", "about", "as", "by", "into",
            "onto", "of", "off", "out", "up", "down", "over", "under", "through", "after", "before", "again", "too",
            "so", "if", "when", "because", "than", "then", "there", "here", "now", "yesterday", "today", "tomorrow",
            "is", "was", "were", "are", "will", "would", "can", "could", "should", "may", "might", "must", "has",
            "had", "have", "do", "does", "did", "not", "also", "some", "any", "his", "her", "my", "your", "our",
            "their", "its", "him", "me", "us", "them", "how", "what", "why", "where", "who");

    private static final String WORD_CHAR = "[\\p{L}\\p{N}_]";
    private static final Pattern NEXT_WORD = Pattern.compile("\\s*([\\p{L}\\p{N}_']+)?");

    private final TermList list;
    private final Pattern pattern;
    private final List<List<String>> termWords;

    /** A swapper for the terms of this list. */
    public TermSwapper(TermList list) {
        this.list = Arguments.notNull(list, "list");
        List<String> terms = new ArrayList<>(list.terms());
        terms.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        StringBuilder alternation = new StringBuilder();
        for (String t : terms) {
            if (alternation.length() > 0) {
                alternation.append('|');
            }
            List<String> quoted = new ArrayList<>();
            for (String w : t.split(" ")) {
                quoted.add(Pattern.quote(w));
            }
            alternation.append(String.join("\\s+", quoted));
        }
        this.pattern = Pattern.compile("(?<!" + WORD_CHAR + ")(?:" + alternation + ")(?!" + WORD_CHAR + ")",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        List<List<String>> words = new ArrayList<>();
        terms.sort(Comparator.comparingInt((String t) -> t.split(" ").length).reversed()
                .thenComparing(Comparator.comparingInt(String::length).reversed()));
        for (String t : terms) {
            words.add(List.of(t.split(" ")));
        }
        this.termWords = List.copyOf(words);
    }

    /** The list this swapper uses. */
    public TermList list() {
        return list;
    }

    /** Every occurrence of a listed term in the text, left to right (character offsets). */
    public List<TermMatch> matches(String text) {
        Arguments.notNull(text, "text");
        List<TermMatch> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String term = TermGroup.normalise(m.group());
            out.add(new TermMatch(term, list.columnOf(term), m.group(), m.start(), m.end()));
        }
        return List.copyOf(out);
    }

    /** Whether the text mentions a listed term. */
    public boolean mentions(String text) {
        Arguments.notNull(text, "text");
        return pattern.matcher(text).find();
    }

    /** Every occurrence of a listed term in the token list, left to right (token indices). */
    public List<TermMatch> matches(List<String> tokens) {
        Arguments.notNull(tokens, "tokens");
        List<TermMatch> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            List<String> hit = termAt(tokens, i);
            if (hit == null) {
                i++;
                continue;
            }
            String term = String.join(" ", hit);
            String surface = String.join(" ", tokens.subList(i, i + hit.size()));
            out.add(new TermMatch(term, list.columnOf(term), surface, i, i + hit.size()));
            i += hit.size();
        }
        return List.copyOf(out);
    }

    /** The counterfactuals of a text, one per rotation 1..k−1; empty when the text mentions no listed term. */
    public List<Counterfactual> counterfactuals(String text) {
        List<TermMatch> matches = matches(text);
        if (matches.isEmpty()) {
            return List.of();
        }
        List<Counterfactual> out = new ArrayList<>();
        for (int r = 1; r < list.arity(); r++) {
            List<Swap> swaps = new ArrayList<>();
            out.add(new Counterfactual(apply(text, matches, r, swaps), r, swaps));
        }
        return List.copyOf(out);
    }

    /**
     * The counterfactuals of a text pair: rotation r applied to both texts at once; empty when neither text mentions
     * a listed term. A text without a term comes back unchanged.
     */
    public List<PairCounterfactual> counterfactuals(String text, String textPair) {
        List<TermMatch> first = matches(Arguments.notNull(text, "text"));
        List<TermMatch> second = matches(Arguments.notNull(textPair, "textPair"));
        if (first.isEmpty() && second.isEmpty()) {
            return List.of();
        }
        List<PairCounterfactual> out = new ArrayList<>();
        for (int r = 1; r < list.arity(); r++) {
            List<Swap> firstSwaps = new ArrayList<>();
            List<Swap> secondSwaps = new ArrayList<>();
            String a = apply(text, first, r, firstSwaps);
            String b = apply(textPair, second, r, secondSwaps);
            out.add(new PairCounterfactual(a, b, r, firstSwaps, secondSwaps));
        }
        return List.copyOf(out);
    }

    /**
     * The counterfactuals of a token list, one per rotation; empty when no term can be swapped (none occurs, or
     * every one has a counterpart of another word count).
     */
    public List<TokenCounterfactual> counterfactuals(List<String> tokens) {
        List<TermMatch> matches = matches(tokens);
        List<TokenCounterfactual> out = new ArrayList<>();
        for (int r = 1; r < list.arity(); r++) {
            List<String> swapped = new ArrayList<>(tokens);
            List<Swap> swaps = new ArrayList<>();
            for (TermMatch m : matches) {
                boolean object = objectPositionAfter(tokens, m.end());
                String[] to = list.counterpart(m.term(), r, object).split(" ");
                if (to.length != m.end() - m.start()) {
                    continue;
                }
                List<String> replaced = new ArrayList<>();
                for (int j = 0; j < to.length; j++) {
                    String word = withCaseOf(tokens.get(m.start() + j), to[j]);
                    swapped.set(m.start() + j, word);
                    replaced.add(word);
                }
                swaps.add(new Swap(m.surface(), String.join(" ", replaced), m.start(), m.end()));
            }
            if (!swaps.isEmpty()) {
                out.add(new TokenCounterfactual(swapped, r, swaps));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The replacement of an occurrence with case carried over: all capitals (two letters or more) → all capitals,
     * capital first letter → capital first letter, anything else → the replacement as listed.
     */
    public static String withCaseOf(String original, String replacement) {
        Arguments.notNull(original, "original");
        Arguments.notNull(replacement, "replacement");
        int letters = 0;
        boolean allUpper = true;
        for (int i = 0; i < original.length(); i++) {
            char ch = original.charAt(i);
            if (Character.isLetter(ch)) {
                letters++;
                allUpper &= Character.isUpperCase(ch);
            }
        }
        if (letters >= 2 && allUpper) {
            return replacement.toUpperCase(Locale.ROOT);
        }
        if (!original.isEmpty() && Character.isUpperCase(original.codePointAt(0)) && !replacement.isEmpty()) {
            int first = replacement.codePointAt(0);
            return new String(Character.toChars(Character.toUpperCase(first)))
                    + replacement.substring(Character.charCount(first));
        }
        return replacement;
    }

    private String apply(String text, List<TermMatch> matches, int rotation, List<Swap> swaps) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        int last = 0;
        for (TermMatch m : matches) {
            String to = withCaseOf(m.surface(), list.counterpart(m.term(), rotation, objectPositionAfter(text, m.end())));
            out.append(text, last, m.start()).append(to);
            swaps.add(new Swap(m.surface(), to, m.start(), m.end()));
            last = m.end();
        }
        out.append(text, last, text.length());
        return out.toString();
    }

    private List<String> termAt(List<String> tokens, int i) {
        for (List<String> words : termWords) {
            if (i + words.size() > tokens.size()) {
                continue;
            }
            boolean all = true;
            for (int j = 0; j < words.size() && all; j++) {
                String token = tokens.get(i + j);
                all = token != null && token.toLowerCase(Locale.ROOT).equals(words.get(j));
            }
            if (all) {
                return words;
            }
        }
        return null;
    }

    /** Whether the text after {@code end} starts with nothing, punctuation, or an {@link #OBJECT_FOLLOWERS} word. */
    static boolean objectPositionAfter(String text, int end) {
        Matcher m = NEXT_WORD.matcher(text);
        m.region(end, text.length());
        if (!m.lookingAt() || m.group(1) == null) {
            return true; // end of text, or punctuation next
        }
        return OBJECT_FOLLOWERS.contains(m.group(1).toLowerCase(Locale.ROOT));
    }

    private static boolean objectPositionAfter(List<String> tokens, int end) {
        if (end >= tokens.size()) {
            return true;
        }
        String next = tokens.get(end);
        if (next == null || next.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return true;
        }
        return OBJECT_FOLLOWERS.contains(next.toLowerCase(Locale.ROOT));
    }
}
