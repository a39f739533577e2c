package io.multitune.dataprep;

import io.multitune.events.RejectReason;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Conversions of parsed field values (see {@link RawUnit.Parsed}) to the kinds an example needs. */
final class FieldValues {
    /** Doubles below this magnitude that are whole numbers print exactly as a long. */
    private static final double EXACT_LONG_LIMIT = 1e15;

    private FieldValues() {
    }

    /**
     * The text form of a scalar: strings as they are, numbers in plain form (so a JSON label 1 or 1.0 reads "1"),
     * booleans as "true"/"false". Lists and objects are not texts.
     */
    static String asText(Object value, String field) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number n) {
            return plain(n);
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        throw new RejectionException(RejectReason.INVALID_VALUE, field, "expected a text but got " + kindOf(value));
    }

    /** A number without exponent or trailing zeros: 1.0 is "1", 0.50 is "0.5", 1e3 is "1000". */
    static String plain(Number n) {
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger) {
            return n.toString();
        }
        if (n instanceof BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        double d = n.doubleValue();
        if (!Double.isFinite(d)) {
            return Double.toString(d);
        }
        if (d == Math.rint(d) && Math.abs(d) < EXACT_LONG_LIMIT) {
            return Long.toString((long) d);
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    static String kindOf(Object value) {
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof Map) {
            return "an object";
        }
        return value == null ? "null" : "a " + value.getClass().getSimpleName();
    }
}
