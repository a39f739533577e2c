package io.multitune.dataprep;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 rows one at a time from a decoded message: quoted fields, doubled quotes, delimiters and line
 * breaks inside quotes, CRLF, LF or CR line ends. A quote inside an unquoted field is kept as a literal character,
 * which is what most producers mean by it.
 */
final class DelimitedRowReader {

    /**
     * One row. {@code start} and {@code end} delimit its text in the message, line end excluded.
     *
     * @param problem    why the row is malformed, or null
     * @param unfinished true when a quote was never closed: the row runs to the end of the message
     */
    record Row(List<String> fields, int start, int end, String problem, boolean unfinished) {
    }

    private final String s;
    private final char delimiter;
    private int pos;

    DelimitedRowReader(String s, char delimiter, int start) {
        this.s = s;
        this.delimiter = delimiter;
        this.pos = start;
    }

    /** The next row, or null at the end of the message. */
    Row next() {
        int n = s.length();
        if (pos >= n) {
            return null;
        }
        int start = pos;
        List<String> fields = new ArrayList<>();
        String problem = null;
        int i = pos;
        while (true) {
            if (i < n && s.charAt(i) == '"') {
                int close = closingQuote(i + 1);
                if (close < 0) {
                    pos = n;
                    return new Row(fields, start, n, "unterminated quote in field " + (fields.size() + 1), true);
                }
                String field = unquote(i + 1, close);
                i = close + 1;
                int fieldEnd = endOfField(i);
                if (fieldEnd > i) {
                    problem = "unexpected text after the closing quote of field " + (fields.size() + 1);
                    field = field + s.substring(i, fieldEnd);
                    i = fieldEnd;
                }
                fields.add(field);
            } else {
                int fieldEnd = endOfField(i);
                fields.add(s.substring(i, fieldEnd));
                i = fieldEnd;
            }
            if (i < n && s.charAt(i) == delimiter) {
                i++;
                continue;
            }
            pos = skipLineEnd(i);
            return new Row(fields, start, i, problem, false);
        }
    }

    private int endOfField(int from) {
        int n = s.length();
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c == delimiter || c == '\n' || c == '\r') {
                return i;
            }
        }
        return n;
    }

    /** Index of the quote closing a field whose content starts at {@code from}, skipping doubled quotes; -1 if none. */
    private int closingQuote(int from) {
        int n = s.length();
        for (int i = from; i < n; i++) {
            if (s.charAt(i) == '"') {
                if (i + 1 < n && s.charAt(i + 1) == '"') {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The content between the quotes with doubled quotes made single; no copy beyond the substring when none. */
    private String unquote(int from, int to) {
        int firstQuote = s.indexOf('"', from);
        if (firstQuote < 0 || firstQuote >= to) {
            return s.substring(from, to);
        }
        StringBuilder out = new StringBuilder(to - from);
        int segment = from;
        for (int i = firstQuote; i < to; i++) {
            if (s.charAt(i) == '"') {
                out.append(s, segment, i + 1);
                i++;
                segment = i + 1;
            }
        }
        out.append(s, segment, to);
        return out.toString();
    }

    private int skipLineEnd(int i) {
        int n = s.length();
        if (i < n && s.charAt(i) == '\r') {
            i++;
        }
        if (i < n && s.charAt(i) == '\n') {
            i++;
        }
        return i;
    }
}
