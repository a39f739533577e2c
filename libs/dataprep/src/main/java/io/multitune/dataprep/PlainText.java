package io.multitune.dataprep;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Word-at-a-time scans of a text's Latin-1 bytes, eight characters per step, for the per-record path: whether a text
 * is already clean plain ASCII (so normalising it changes nothing) and how many words it has.
 *
 * <p>The byte view is {@code String.getBytes(ISO_8859_1)}: for the compact Latin-1 strings that ASCII text is stored
 * as, that is a plain array copy, far cheaper than a char-by-char loop through {@code charAt}. Characters above U+00FF
 * come out as {@code '?'} (one per surrogate pair): never a space, so word counts are exact; the clean check makes
 * sure of the text when it meets a '?'.
 */
final class PlainText {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long SPACES = ONES * ' ';
    private static final long QUESTION_MARKS = ONES * '?';
    /** Added to a byte below 0x80, sets its high bit exactly when the byte is at least 0x20 (a space). */
    private static final long FROM_SPACE = ONES * (0x80 - ' ');

    private PlainText() {
    }

    /**
     * Whether the text is only printable ASCII and single spaces, with no space at either end: text that
     * {@link TextNormaliser} returns unchanged. False only means "look closer", never "dirty".
     */
    static boolean isCleanAscii(String s) {
        int n = s.length();
        if (n == 0) {
            return true;
        }
        if (s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
            return false;
        }
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        if (b.length != n) {
            // A surrogate pair became one '?': not ASCII anyway.
            return false;
        }
        // Flags accumulate without a branch per word: clean text, the common case, is read to the end anyway.
        long bad = 0;
        long questionMarks = 0;
        long previousSpace = 0;
        int i = 0;
        for (; i + Long.BYTES <= n; i += Long.BYTES) {
            long x = (long) LONGS.get(b, i);
            long spaces = zeroBytes(x ^ SPACES);
            // A space whose previous byte (one byte lower, or the last byte of the previous word) is a space too.
            bad |= notPrintableOrSpace(x) | spaces & ((spaces << Byte.SIZE) | previousSpace);
            previousSpace = spaces >>> (Long.SIZE - Byte.SIZE);
            questionMarks |= zeroBytes(x ^ QUESTION_MARKS);
        }
        boolean wasSpace = previousSpace != 0;
        boolean sawQuestionMark = questionMarks != 0;
        for (; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c < ' ' || c >= 0x7F || c == ' ' && wasSpace) {
                return false;
            }
            wasSpace = c == ' ';
            sawQuestionMark |= c == '?';
        }
        // A '?' byte may stand for a character above U+00FF. Only a text without such characters round-trips through
        // its Latin-1 bytes (String.equals compares the storage, so it fails fast on a UTF-16 string).
        return bad == 0 && (!sawQuestionMark || s.equals(new String(b, StandardCharsets.ISO_8859_1)));
    }

    /**
     * The words of the text as {@link InputLengths} counts them: one plus every space that follows a non-space and
     * is not the last character; zero for empty text. Characters above U+00FF are never spaces, so their
     * {@code '?'} stand-ins count the same.
     */
    static int countWords(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        // Shorter than the text when a surrogate pair became one '?': still one non-space, so the count holds.
        int n = b.length;
        // Starts as if a space came before the text, so a leading space never counts.
        long previousSpace = 0x80;
        int count = 1;
        int i = 0;
        for (; i + Long.BYTES <= n; i += Long.BYTES) {
            long spaces = zeroBytes((long) LONGS.get(b, i) ^ SPACES);
            count += Long.bitCount(spaces & ~((spaces << Byte.SIZE) | previousSpace));
            // The last byte's flag, moved to the first byte's place for the next word.
            previousSpace = spaces >>> (Long.SIZE - Byte.SIZE);
        }
        boolean wasSpace = previousSpace != 0;
        for (; i < n; i++) {
            boolean space = b[i] == ' ';
            if (space && !wasSpace) {
                count++;
            }
            wasSpace = space;
        }
        // A trailing space after a non-space was counted above but ends no word.
        if (n >= 2 && b[n - 1] == ' ' && b[n - 2] != ' ') {
            count--;
        }
        return count;
    }

    /**
     * High bit set in each byte that is not printable ASCII or a space (0x20 to 0x7E). Exact when no byte has its
     * high bit set; otherwise merely non-zero, which is all callers need.
     */
    private static long notPrintableOrSpace(long x) {
        long high = x & HIGHS;
        long belowSpace = ~(x + FROM_SPACE) & HIGHS;
        long delete = (x + ONES) & HIGHS;
        return high | belowSpace | delete;
    }

    /** High bit set in exactly the zero bytes of {@code v}: no false positives (unlike the borrow-based trick). */
    private static long zeroBytes(long v) {
        long t = (v & LOWS) + LOWS;
        return ~(t | v | LOWS);
    }
}
