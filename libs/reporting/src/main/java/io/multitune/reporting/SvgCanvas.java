package io.multitune.reporting;

import java.util.List;

/**
 * Writes one inline SVG element shape by shape. Every shape can carry a {@code <title>} (the browser's tooltip,
 * and what a screen reader reads), every text is escaped, every number is written with {@link java.util.Locale#ROOT}.
 * The SVG scales to its container through its {@code viewBox}, so the page needs no script to lay it out.
 */
final class SvgCanvas {

    /** The SVG namespace: the only absolute URL the report contains, and one no browser fetches. */
    static final String NAMESPACE = "http://www.w3.org/2000/svg";

    private final Html body = new Html();
    private final double width;
    private final double height;
    private final String id;
    private final String cssClass;
    private final String label;

    /**
     * @param id       the element id (null for none)
     * @param cssClass the element's classes besides {@code chart}
     * @param label    what the chart shows, for screen readers
     */
    SvgCanvas(double width, double height, String id, String cssClass, String label) {
        this.width = width;
        this.height = height;
        this.id = id;
        this.cssClass = cssClass;
        this.label = label;
    }

    double width() {
        return width;
    }

    double height() {
        return height;
    }

    SvgCanvas rect(double x, double y, double w, double h, String fill, String tooltip) {
        body.open("rect", "x", Fmt.coord(x), "y", Fmt.coord(y), "width", Fmt.coord(Math.max(0, w)),
                "height", Fmt.coord(Math.max(0, h)), "fill", fill);
        return endShape("rect", tooltip);
    }

    SvgCanvas line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth, String dash) {
        body.open("line", "x1", Fmt.coord(x1), "y1", Fmt.coord(y1), "x2", Fmt.coord(x2), "y2", Fmt.coord(y2),
                "stroke", stroke, "stroke-width", Fmt.coord(strokeWidth), "stroke-dasharray", dash);
        return endShape("line", null);
    }

    /** A line through the points, each given as {x, y}. */
    SvgCanvas polyline(List<double[]> points, String stroke, double strokeWidth, String dash, String tooltip) {
        StringBuilder d = new StringBuilder();
        for (double[] p : points) {
            d.append(d.length() == 0 ? "M" : " L").append(Fmt.coord(p[0])).append(',').append(Fmt.coord(p[1]));
        }
        body.open("path", "d", d.toString(), "fill", "none", "stroke", stroke, "stroke-width", Fmt.coord(strokeWidth),
                "stroke-dasharray", dash, "stroke-linejoin", "round", "stroke-linecap", "round");
        return endShape("path", tooltip);
    }

    SvgCanvas circle(double cx, double cy, double r, String fill, String tooltip) {
        body.open("circle", "cx", Fmt.coord(cx), "cy", Fmt.coord(cy), "r", Fmt.coord(r), "fill", fill,
                "stroke", "#ffffff", "stroke-width", "1");
        return endShape("circle", tooltip);
    }

    /** A hollow circle: a white disc with a coloured rim (a figure that is shown but not gated). */
    SvgCanvas ring(double cx, double cy, double r, String stroke, String tooltip) {
        body.open("circle", "cx", Fmt.coord(cx), "cy", Fmt.coord(cy), "r", Fmt.coord(r), "fill", "#ffffff",
                "stroke", stroke, "stroke-width", "2");
        return endShape("circle", tooltip);
    }

    /**
     * A text.
     *
     * @param anchor   start, middle or end
     * @param cssClass a class of the page's style sheet (label, tick, title, small, ...)
     * @param fill     a colour, or null for the class's (a style, since the page's CSS outranks attributes)
     */
    SvgCanvas text(double x, double y, String text, String anchor, String cssClass, String fill) {
        body.open("text", "x", Fmt.coord(x), "y", Fmt.coord(y), "text-anchor", anchor, "class", cssClass,
                "style", fill == null ? null : "fill:" + fill).text(text).close("text");
        return this;
    }

    /** A text turned by {@code degrees} around its anchor point (for a vertical axis label or slanted ticks). */
    SvgCanvas rotatedText(double x, double y, String text, double degrees, String anchor, String cssClass) {
        body.open("text", "x", Fmt.coord(x), "y", Fmt.coord(y), "text-anchor", anchor, "class", cssClass,
                "transform", "rotate(" + Fmt.coord(degrees) + " " + Fmt.coord(x) + " " + Fmt.coord(y) + ")")
                .text(text).close("text");
        return this;
    }

    /** A text that shows its full version as a tooltip (for labels cut to fit). */
    SvgCanvas textWithTooltip(double x, double y, String text, String tooltip, String anchor, String cssClass) {
        body.open("text", "x", Fmt.coord(x), "y", Fmt.coord(y), "text-anchor", anchor, "class", cssClass)
                .element("title", tooltip).text(text).close("text");
        return this;
    }

    private SvgCanvas endShape(String tag, String tooltip) {
        if (tooltip != null) {
            body.element("title", tooltip);
        }
        body.close(tag);
        return this;
    }

    String render() {
        Html svg = new Html().open("svg", "xmlns", NAMESPACE, "id", id, "class", cssClass == null ? "chart"
                        : "chart " + cssClass, "viewBox", "0 0 " + Fmt.coord(width) + " " + Fmt.coord(height),
                "width", Fmt.coord(width), "height", Fmt.coord(height), "role", "img", "aria-label", label);
        return svg.raw(body.toString()).close("svg").newline().toString();
    }

    /** Cuts a label to {@code max} characters, marking the cut with an ellipsis. */
    static String cut(String s, int max) {
        if (s == null) {
            return Fmt.DASH;
        }
        return s.length() <= max ? s : s.substring(0, Math.max(1, max - 1)) + "…";
    }
}
