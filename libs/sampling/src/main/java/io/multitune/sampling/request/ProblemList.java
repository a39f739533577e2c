package io.multitune.sampling.request;

import io.multitune.events.RunRejected.Problem;
import io.multitune.events.RunRejected.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * The problems found so far, with the range checks every part of the validator shares. A null value is never a
 * problem here: the validator sees the effective request, where null means "not applicable" (no cap).
 */
final class ProblemList {
    private final List<Problem> problems = new ArrayList<>();

    void add(String field, Reason reason, String message) {
        problems.add(new Problem(field, reason, message));
    }

    void missing(String field, String message) {
        add(field, Reason.MISSING_FIELD, message);
    }

    void bad(String field, String message) {
        add(field, Reason.BAD_PARAMETER, message);
    }

    /** UNKNOWN_STRATEGY unless {@code name} is one of {@code known}. */
    void knownName(String field, String name, List<String> known, String what) {
        if (name != null && !known.contains(name)) {
            // The whole (short) list, in documented order: the user may not know the name they need exists.
            add(field, Reason.UNKNOWN_STRATEGY, "unknown " + what + " '" + name + "'"
                    + Spelling.closest(name, known).map(close -> " (did you mean '" + close + "'?)").orElse("")
                    + "; expected one of " + Spelling.list(known));
        }
    }

    void atLeast(String field, Number value, long min) {
        if (value != null && value.longValue() < min) {
            bad(field, "must be at least " + min);
        }
    }

    void atMost(String field, Number value, long max) {
        if (value != null && value.longValue() > max) {
            bad(field, "must be at most " + max);
        }
    }

    /** {@code value > 0}, finite. */
    void positive(String field, Double value) {
        if (value != null && !(value > 0 && Double.isFinite(value))) {
            bad(field, "must be a number greater than 0");
        }
    }

    /** {@code value >= 0}, finite. */
    void nonNegative(String field, Double value) {
        if (value != null && !(value >= 0 && Double.isFinite(value))) {
            bad(field, "must be a number of at least 0");
        }
    }

    void finite(String field, Double value) {
        if (value != null && !Double.isFinite(value)) {
            bad(field, "must be a finite number");
        }
    }

    /** {@code value} within the interval, written as in mathematics: {@code [0, 1)}, {@code (0, 1]}. */
    void within(String field, Double value, double low, boolean lowIncluded, double high, boolean highIncluded) {
        if (value == null) {
            return;
        }
        boolean aboveLow = lowIncluded ? value >= low : value > low;
        boolean belowHigh = highIncluded ? value <= high : value < high;
        if (!(aboveLow && belowHigh)) { // also catches NaN
            bad(field, "must be in " + (lowIncluded ? "[" : "(") + plain(low) + ", " + plain(high)
                    + (highIncluded ? "]" : ")"));
        }
    }

    List<Problem> toList() {
        return List.copyOf(problems);
    }

    private static String plain(double bound) {
        return bound == Math.rint(bound) ? String.valueOf((long) bound) : String.valueOf(bound);
    }
}
