package io.multitune.reporting;

/** The plotting area of a chart inside its SVG, in pixels. */
record Frame(double left, double top, double width, double height) {

    double right() {
        return left + width;
    }

    double bottom() {
        return top + height;
    }
}
