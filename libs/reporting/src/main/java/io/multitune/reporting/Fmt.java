package io.multitune.reporting;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Number and time formatting of the report: always {@link Locale#ROOT}, and a dash for what is missing or NaN. */
final class Fmt {

    /** What the report prints for a missing or non-finite figure. */
    static final String DASH = "—";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Fmt() {
    }

    static boolean finite(Double v) {
        return v != null && Double.isFinite(v);
    }

    static String num(Double v, int digits) {
        return finite(v) ? String.format(Locale.ROOT, "%." + digits + "f", v) : DASH;
    }

    static String signed(Double v, int digits) {
        return finite(v) ? String.format(Locale.ROOT, "%+." + digits + "f", v) : DASH;
    }

    static String percent(Double v, int digits) {
        return finite(v) ? num(v, digits) + " %" : DASH;
    }

    static String signedPercent(Double v, int digits) {
        return finite(v) ? signed(v, digits) + " %" : DASH;
    }

    static String interval(Double lower, Double upper, int digits) {
        return finite(lower) && finite(upper) ? "[" + signed(lower, digits) + ", " + signed(upper, digits) + "]" : DASH;
    }

    /** An interval of a figure that is not a difference, unsigned: [0.0210, 0.0490]. */
    static String bounds(Double lower, Double upper, int digits) {
        return finite(lower) && finite(upper) ? "[" + num(lower, digits) + ", " + num(upper, digits) + "]" : DASH;
    }

    static String pValue(Double p) {
        if (!finite(p)) {
            return DASH;
        }
        return p < 0.001 ? "< 0.001" : num(p, 3);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String time(Instant t) {
        return t == null ? DASH : TIME.format(t);
    }

    /** A coordinate of an SVG shape: one decimal is below a pixel and keeps the document small. */
    static String coord(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** A tick label: as many decimals as the tick spacing needs, no more. */
    static String tick(double v, double step) {
        int digits = step >= 1 ? 0 : (int) Math.min(6, Math.ceil(-Math.log10(step) - 1e-9));
        String s = String.format(Locale.ROOT, "%." + digits + "f", v);
        return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
    }

    /** A number for the header's figure cards and tooltips: four significant decimals for small values. */
    static String value(Double v) {
        if (!finite(v)) {
            return DASH;
        }
        double a = Math.abs(v);
        return a != 0 && a < 0.001 ? String.format(Locale.ROOT, "%.2e", v) : num(v, a >= 1000 ? 0 : 4);
    }

    /** A setting as written in a request: 16, 0.1, 5.0E-4 read as 16, 0.1, 0.0005. */
    static String plain(Double v) {
        if (!finite(v)) {
            return DASH;
        }
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
