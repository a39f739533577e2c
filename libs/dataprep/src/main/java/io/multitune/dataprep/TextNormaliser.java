package io.multitune.dataprep;

import java.text.Normalizer;

/**
 * Normalises text so that the same text always yields the same example id: control and format characters (Cc, Cf)
 * removed, every kind of whitespace (tab, newline, CR, no-break space, ...) turned into one space, runs of whitespace
 * collapsed, ends trimmed, then Unicode NFC.
 *
 * <p>It runs on every text of every record, so it is built for speed: clean plain ASCII text (the common case) is
 * recognised word-at-a-time by {@link PlainText} and returned as is; otherwise one scan classifies the text, clean
 * text is returned without copying, cleaning copies whole runs of kept characters, and NFC is skipped
 * for ASCII text or text already in NFC.
 */
public final class TextNormaliser {

    private TextNormaliser() {
    }

    /** The normalised text; null stays null. */
    public static String normalise(String s) {
        if (s == null) {
            return null;
        }
        // The common case, checked eight characters at a time; anything else takes the full scan below.
        if (PlainText.isCleanAscii(s)) {
            return s;
        }
        Scan scan = Scan.of(s);
        String cleaned;
        if (scan.interiorDirty) {
            cleaned = clean(s);
        } else if (scan.keepStart == 0 && scan.keepEnd == s.length()) {
            cleaned = s;
        } else {
            // Only the ends need trimming (a trailing newline, say): one substring, no char-by-char copy.
            cleaned = s.substring(scan.keepStart, scan.keepEnd);
        }
        // Cleaning never adds non-ASCII characters, so ASCII input is already in NFC.
        if (!scan.nonAscii || Normalizer.isNormalized(cleaned, Normalizer.Form.NFC)) {
            return cleaned;
        }
        // NFC after cleaning: composition never creates whitespace or controls, and a removed format character no
        // longer separates a letter from its combining mark.
        return Normalizer.normalize(cleaned, Normalizer.Form.NFC);
    }

    /**
     * One pass over the text: where its kept characters start and end, whether anything between them needs
     * cleaning (other than single spaces), and whether it has non-ASCII characters.
     */
    private static final class Scan {
        int keepStart = -1;
        int keepEnd;
        boolean interiorDirty;
        boolean nonAscii;

        static Scan of(String s) {
            Scan scan = new Scan();
            int n = s.length();
            boolean previousSpace = false;
            // Something to clean was seen since the last kept character; it matters only if another one follows.
            boolean pendingOdd = false;
            int i = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (isPrintableAscii(c)) {
                    // The bulk of most text: one tight loop over printable ASCII and single spaces.
                    int end = plainRunEnd(s, i);
                    boolean trailingSpace = s.charAt(end - 1) == ' ';
                    scan.kept(i, trailingSpace ? end - 1 : end, pendingOdd);
                    pendingOdd = false;
                    previousSpace = trailingSpace;
                    i = end;
                } else if (c == ' ') {
                    pendingOdd |= previousSpace;
                    previousSpace = true;
                    i++;
                } else {
                    int cp = c < 0x80 || !Character.isHighSurrogate(c) ? c : s.codePointAt(i);
                    int width = Character.charCount(cp);
                    scan.nonAscii |= c >= 0x80;
                    if (kindOf(cp) == Kind.KEEP) {
                        scan.kept(i, i + width, pendingOdd);
                        pendingOdd = false;
                        previousSpace = false;
                    } else {
                        pendingOdd = true;
                    }
                    i += width;
                }
            }
            if (scan.keepStart < 0) {
                scan.keepStart = 0;
                scan.keepEnd = 0;
            }
            return scan;
        }

        private void kept(int start, int end, boolean afterOdd) {
            interiorDirty |= afterOdd && keepStart >= 0;
            if (keepStart < 0) {
                keepStart = start;
            }
            keepEnd = end;
        }
    }

    /**
     * Compacts the text in place in one char array. Runs of printable ASCII with single spaces, the bulk of most
     * text, move with one arraycopy each (or not at all while nothing before them was removed); only the other
     * characters are looked at one by one.
     */
    private static String clean(String s) {
        int n = s.length();
        char[] buf = new char[n];
        s.getChars(0, n, buf, 0);
        int length = 0;
        boolean pendingSpace = false;
        int i = 0;
        while (i < n) {
            char c = buf[i];
            if (isPrintableAscii(c)) {
                int end = plainRunEnd(buf, i);
                boolean trailingSpace = buf[end - 1] == ' ';
                int runEnd = trailingSpace ? end - 1 : end;
                // Writing behind the read position is safe: a pending space consumed at least one char.
                if (pendingSpace && length > 0) {
                    buf[length++] = ' ';
                }
                if (length != i) {
                    System.arraycopy(buf, i, buf, length, runEnd - i);
                }
                length += runEnd - i;
                pendingSpace = trailingSpace;
                i = end;
                continue;
            }
            int width = Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(buf[i + 1]) ? 2 : 1;
            Kind kind = kindOf(width == 2 ? Character.toCodePoint(c, buf[i + 1]) : c);
            if (kind == Kind.KEEP) {
                if (pendingSpace && length > 0) {
                    buf[length++] = ' ';
                }
                pendingSpace = false;
                buf[length++] = c;
                if (width == 2) {
                    buf[length++] = buf[i + 1];
                }
            } else if (kind == Kind.SPACE) {
                pendingSpace = true;
            }
            i += width;
        }
        return new String(buf, 0, length);
    }

    /** End of the run from {@code start}: printable ASCII and single spaces (a run may end in one space). */
    private static int plainRunEnd(char[] buf, int start) {
        int end = start + 1;
        char previous = buf[start];
        while (end < buf.length) {
            char d = buf[end];
            if (isPrintableAscii(d) || d == ' ' && previous != ' ') {
                previous = d;
                end++;
            } else {
                break;
            }
        }
        return end;
    }

    /** As {@link #plainRunEnd(char[], int)}, over a String. */
    private static int plainRunEnd(String s, int start) {
        int n = s.length();
        int end = start + 1;
        char previous = s.charAt(start);
        while (end < n) {
            char d = s.charAt(end);
            if (isPrintableAscii(d) || d == ' ' && previous != ' ') {
                previous = d;
                end++;
            } else {
                break;
            }
        }
        return end;
    }

    private static boolean isPrintableAscii(char c) {
        return c > ' ' && c < 0x7F;
    }

    private enum Kind { KEEP, SPACE, DROP }

    private static Kind kindOf(int cp) {
        if (cp < 0x80) {
            return asciiKind(cp);
        }
        // NEL (U+0085) is a line break that Java does not count as whitespace.
        if (cp == 0x85 || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return Kind.SPACE;
        }
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT ? Kind.DROP : Kind.KEEP;
    }

    /** Same answers as the general rule, without its table lookups: tab to CR and FS to US are whitespace. */
    private static Kind asciiKind(int c) {
        if (c > ' ' && c < 0x7F) {
            return Kind.KEEP;
        }
        if (c == ' ' || c >= 0x09 && c <= 0x0D || c >= 0x1C && c <= 0x1F) {
            return Kind.SPACE;
        }
        return Kind.DROP;
    }
}
