package io.multitune.reporting;

/**
 * The one way the bias charts draw an estimate with its bootstrap interval: a line between the bounds with end caps
 * and a dot at the estimate (a hollow one for a figure the gate does not judge), so every chart reads alike.
 */
final class Whiskers {

    private Whiskers() {
    }

    /**
     * Draws the interval (when both bounds are finite) and the estimate (when finite) at height {@code cy}; figures
     * beyond the axis are held at its ends.
     *
     * @param hollow  a ring instead of a dot
     * @param tooltip the dot's tooltip
     * @return whether anything was drawn
     */
    static boolean draw(SvgCanvas svg, LinearScale x, double cy, Double value, Double lower, Double upper,
                        String colour, boolean hollow, String tooltip) {
        boolean drawn = false;
        if (Fmt.finite(lower) && Fmt.finite(upper)) {
            double lo = x.mapClamped(lower);
            double hi = x.mapClamped(upper);
            svg.line(lo, cy, hi, cy, colour, 2, null);
            svg.line(lo, cy - 5, lo, cy + 5, colour, 2, null);
            svg.line(hi, cy - 5, hi, cy + 5, colour, 2, null);
            drawn = true;
        }
        if (Fmt.finite(value)) {
            if (hollow) {
                svg.ring(x.mapClamped(value), cy, 5, colour, tooltip);
            } else {
                svg.circle(x.mapClamped(value), cy, 5.5, colour, tooltip);
            }
            drawn = true;
        }
        return drawn;
    }

    /** A dashed vertical limit line over the frame with its label at the top. */
    static void limit(SvgCanvas svg, LinearScale x, Frame f, double limit, String label) {
        if (limit < x.lower() || limit > x.upper()) {
            return;
        }
        double px = x.map(limit);
        svg.line(px, f.top() - 4, px, f.bottom(), Palette.NEGATIVE, 1.5, "5 4");
        svg.text(px, f.top() - 8, label, "middle", "small", Palette.NEGATIVE);
    }
}
