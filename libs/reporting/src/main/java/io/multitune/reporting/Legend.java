package io.multitune.reporting;

import java.util.List;

/** A chart's legend, drawn inside its SVG so that a screenshot or a copied chart keeps it. */
final class Legend {

    /**
     * One entry.
     *
     * @param dash null for a filled swatch, "" for a solid line, else the line's dash pattern
     */
    record Entry(String label, String colour, String dash) {

        static Entry swatch(String label, String colour) {
            return new Entry(label, colour, null);
        }

        static Entry line(String label, String colour, String dash) {
            return new Entry(label, colour, dash == null ? "" : dash);
        }
    }

    private static final double CHAR_WIDTH = 6.6;

    private Legend() {
    }

    /** Draws the entries left to right from (x, y), wrapping before {@code maxX}; returns the height used. */
    static double draw(SvgCanvas svg, double x, double y, double maxX, List<Entry> entries) {
        return layout(svg, x, y, maxX, entries);
    }

    /** The height {@link #draw} will use, so a chart can place its frame below the legend. */
    static double height(double x, double maxX, List<Entry> entries) {
        return layout(null, x, 0, maxX, entries);
    }

    private static double layout(SvgCanvas svg, double x, double y, double maxX, List<Entry> entries) {
        double cx = x;
        double cy = y;
        for (Entry e : entries) {
            String label = SvgCanvas.cut(e.label(), 40);
            double w = 22 + label.length() * CHAR_WIDTH + 16;
            if (cx > x && cx + w > maxX) {
                cx = x;
                cy += 18;
            }
            if (svg != null) {
                swatch(svg, cx, cy, e);
                svg.text(cx + 20, cy, label, "start", "legend", null);
            }
            cx += w;
        }
        return entries.isEmpty() ? 0 : cy - y + 18;
    }

    private static void swatch(SvgCanvas svg, double x, double y, Entry e) {
        if (e.dash() == null) {
            svg.rect(x, y - 9, 14, 10, e.colour(), null);
        } else {
            svg.line(x, y - 4, x + 16, y - 4, e.colour(), 2.5, e.dash().isEmpty() ? null : e.dash());
        }
    }
}
