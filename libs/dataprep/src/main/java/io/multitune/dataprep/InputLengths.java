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
     * Whitespace-separated words: one plus each space that follows a non-space and is not last (texts here are
     * normalised, so that is spaces + 1). Counted eight characters at a time by {@link PlainText}: a per-space
     * String.indexOf loop showed up in profiles of this per-record path.
     */
    static int countWords(String text) {
        return PlainText.countWords(text);
    }
}
