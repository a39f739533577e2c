package io.multitune.reporting;

/** Draws the axes of a chart: tick marks, tick labels, light grid lines and the axis titles. */
final class Axes {

    private Axes() {
    }

    /** A vertical axis on the frame's left edge with horizontal grid lines. */
    static void left(SvgCanvas svg, Frame f, LinearScale y, String title) {
        for (double t : y.ticks()) {
            double py = y.map(t);
            svg.line(f.left(), py, f.right(), py, Palette.GRID, 1, null);
            svg.line(f.left() - 4, py, f.left(), py, Palette.AXIS, 1, null);
            svg.text(f.left() - 7, py + 4, y.label(t), "end", "tick", null);
        }
        svg.line(f.left(), f.top(), f.left(), f.bottom(), Palette.AXIS, 1, null);
        if (title != null) {
            svg.rotatedText(f.left() - 44, f.top() + f.height() / 2, title, -90, "middle", "axis-title");
        }
    }

    /** A horizontal axis on the frame's bottom edge with vertical grid lines. */
    static void bottom(SvgCanvas svg, Frame f, LinearScale x, String title) {
        for (double t : x.ticks()) {
            double px = x.map(t);
            svg.line(px, f.top(), px, f.bottom(), Palette.GRID, 1, null);
            svg.line(px, f.bottom(), px, f.bottom() + 4, Palette.AXIS, 1, null);
            svg.text(px, f.bottom() + 17, x.label(t), "middle", "tick", null);
        }
        svg.line(f.left(), f.bottom(), f.right(), f.bottom(), Palette.AXIS, 1, null);
        if (title != null) {
            svg.text(f.left() + f.width() / 2, f.bottom() + 34, title, "middle", "axis-title", null);
        }
    }
}
