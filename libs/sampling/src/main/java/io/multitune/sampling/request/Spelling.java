package io.multitune.sampling.request;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** "Did you mean" hints for names a user mistyped. */
final class Spelling {
    /** Edits beyond which a known name is no longer a likely intended one. */
    private static final int MAX_EDITS = 2;

    private Spelling() {
    }

    /**
     * {@code "; did you mean 'temperature'?"} when one known name is close to the written one, otherwise
     * {@code "; expected one of a, b, c"}; empty when nothing is known.
     */
    static String hint(String written, Collection<?> known) {
        List<String> names = known == null ? List.of()
                : known.stream().map(String::valueOf).sorted().toList();
        if (names.isEmpty()) {
            return "";
        }
        return closest(written, names).map(name -> "; did you mean '" + name + "'?")
                .orElse("; expected one of " + list(names));
    }

    /** The known name a few edits away from the written one, if any. */
    static Optional<String> closest(String written, Collection<String> known) {
        if (written == null) {
            return Optional.empty();
        }
        String lower = written.toLowerCase();
        return known.stream()
                .min(Comparator.comparingInt((String name) -> distance(lower, name.toLowerCase()))
                        .thenComparing(Comparator.naturalOrder()))
                .filter(name -> distance(lower, name.toLowerCase()) <= MAX_EDITS);
    }

    /** Names as a readable list: {@code a, b, c}. */
    static String list(Collection<String> names) {
        return names.stream().collect(Collectors.joining(", "));
    }

    /** Levenshtein distance; names are short, so the quadratic table is fine. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
