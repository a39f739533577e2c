package io.multitune.fairness.explain;

import io.multitune.evaluation.Arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word-level tokens for occluding a text: words (letters, digits, inner apostrophes and hyphens) and single
 * punctuation marks. Occluding words rather than the model's sub-word pieces keeps the explanation readable; the
 * auditor joins the remaining words back into a text with {@link #join} before calling its model.
 */
public final class WordTokens {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:['’-][\\p{L}\\p{N}]+)*|[^\\s\\p{L}\\p{N}]");

    private WordTokens() {
    }

    /** The words and punctuation marks of a text, in order. */
    public static List<String> split(String text) {
        Arguments.notNull(text, "text");
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return List.copyOf(out);
    }

    /**
     * Tokens joined by single spaces, except none before closing punctuation (. , ; : ! ? ) ] }) and none after
     * opening brackets.
     */
    public static String join(List<String> tokens) {
        Arguments.notNull(tokens, "tokens");
        StringBuilder out = new StringBuilder();
        String previous = null;
        for (String t : tokens) {
            boolean closing = t.length() == 1 && ".,;:!?)]}".indexOf(t.charAt(0)) >= 0;
            boolean afterOpening = previous != null && previous.length() == 1 && "([{".indexOf(previous.charAt(0)) >= 0;
            if (previous != null && !closing && !afterOpening) {
                out.append(' ');
            }
            out.append(t);
            previous = t;
        }
        return out.toString();
    }
}
