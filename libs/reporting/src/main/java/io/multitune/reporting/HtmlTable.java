package io.multitune.reporting;

import java.util.ArrayList;
import java.util.List;

/**
 * A data table: a header row, rows of escaped text cells, numeric columns right-aligned and an optional class per
 * row (to mark a negative-transfer task or a failed check).
 */
final class HtmlTable {

    private final String caption;
    private final List<String> headers;
    private final boolean[] numeric;
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> rowClasses = new ArrayList<>();
    private String tableClass;

    HtmlTable(String caption, String... headers) {
        this.caption = caption;
        this.headers = List.of(headers);
        this.numeric = new boolean[headers.length];
    }

    /** Right-aligns these columns (0-based), for figures. */
    HtmlTable numeric(int... columns) {
        for (int c : columns) {
            numeric[c] = true;
        }
        return this;
    }

    HtmlTable row(String... cells) {
        return rowWithClass(null, cells);
    }

    HtmlTable rowWithClass(String rowClass, String... cells) {
        rows.add(cells);
        rowClasses.add(rowClass);
        return this;
    }

    /** A class of the style sheet for the table element (column widths of one table). */
    HtmlTable tableClass(String cssClass) {
        this.tableClass = cssClass;
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void writeTo(Html html) {
        html.open("div", "class", "table-wrap").open("table", "class", tableClass);
        if (caption != null) {
            html.element("caption", caption);
        }
        html.open("thead").open("tr");
        for (int c = 0; c < headers.size(); c++) {
            html.element("th", headers.get(c), "class", numeric[c] ? "num" : null, "scope", "col");
        }
        html.close("tr").close("thead").open("tbody");
        for (int r = 0; r < rows.size(); r++) {
            html.open("tr", "class", rowClasses.get(r));
            String[] cells = rows.get(r);
            for (int c = 0; c < headers.size(); c++) {
                html.element("td", c < cells.length ? cells[c] : null, "class", numeric[c] ? "num" : null);
            }
            html.close("tr");
        }
        html.close("tbody").close("table").close("div").newline();
    }
}
