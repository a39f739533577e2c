package io.multitune.cli.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An aligned plain-text table: a header row, a rule of dashes under it, then the rows; columns two spaces apart,
 * each left- or right-aligned, trailing blanks stripped. Used by the CLI's profile and plan tables.
 *
 * <pre>{@code
 * String text = new TextTable(new String[] {"job", "steps"}, new boolean[] {false, true})
 *         .row("run-1-mtl", "120").render();
 * }</pre>
 */
public final class TextTable {
    private final String[] headers;
    private final boolean[] rightAligned;
    private final List<String[]> rows = new ArrayList<>();

    /**
     * @param headers      the column headers
     * @param rightAligned per column: true to right-align it (numbers)
     */
    public TextTable(String[] headers, boolean[] rightAligned) {
        if (headers.length != rightAligned.length) {
            throw new IllegalArgumentException(headers.length + " headers but " + rightAligned.length + " alignments");
        }
        this.headers = headers.clone();
        this.rightAligned = rightAligned.clone();
    }

    /** Adds a row; null cells print as "-". Returns this. */
    public TextTable row(String... cells) {
        if (cells.length != headers.length) {
            throw new IllegalArgumentException(headers.length + " columns but a row of " + cells.length);
        }
        String[] copy = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            copy[i] = cells[i] == null ? "-" : cells[i];
        }
        rows.add(copy);
        return this;
    }

    /** The table, every line ending with a newline. */
    public String render() {
        int[] widths = new int[headers.length];
        for (int i = 0; i < headers.length; i++) {
            widths[i] = headers[i].length();
        }
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendRow(out, headers, widths);
        String[] rule = new String[headers.length];
        for (int i = 0; i < rule.length; i++) {
            rule[i] = "-".repeat(widths[i]);
        }
        appendRow(out, rule, widths);
        for (String[] r : rows) {
            appendRow(out, r, widths);
        }
        return out.toString();
    }

    private void appendRow(StringBuilder out, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append("  ");
            }
            String pad = " ".repeat(widths[i] - cells[i].length());
            line.append(rightAligned[i] ? pad + cells[i] : cells[i] + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    /** A count with thousands separators: 12,345. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
