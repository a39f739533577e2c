package io.multitune.dataprep;

import io.multitune.events.ExampleInput;
import java.util.List;

/**
 * Lengths of an example's input as profiled: all input texts joined with one space (tokens too), measured in
 * characters and in whitespace-separated words, without building the joined string.
 */
final class InputLengths {
    private int chars;
    private int words;
    private int pieces;

    private InputLengths() {
    }

    static InputLengths of(ExampleInput input) {
        InputLengths lengths = new InputLengths();
        if (input != null) {
            lengths.add(input.text());
            lengths.add(input.textPair());
            lengths.addAll(input.tokens());
            lengths.add(input.question());
            lengths.add(input.context());
        }
        return lengths;
    }

    int chars() {
        return chars;
    }

    int words() {
        return words;
    }

    private void addAll(List<String> texts) {
        if (texts != null) {
            for (String text : texts) {
                add(text);
            }
        }
    }

    private void add(String text) {
        if (text == null) {
            return;
        }
        chars += (pieces > 0 ? 1 : 0) + text.length();
        pieces++;
        words += countWords(text);
    }

    /**
     * Texts are normalised: single spaces, no space at either end. So words = spaces + 1, and String.indexOf (a
     * vectorised intrinsic) finds the spaces far faster than a per-character loop on this per-record path.
     */
    static int countWords(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        int count = 1;
        for (int i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) {
            if (i > 0 && text.charAt(i - 1) != ' ' && i + 1 < text.length()) {
                count++;
            }
        }
        return count;
    }
}
