package io.multitune.reporting;

import io.multitune.events.RunAudited.TransferRow;

/**
 * What one row of the bias transfer table says, in the words and colour the chart and the table share. Every bias
 * figure is "higher is more biased", so a difference (multi-task − baseline) whose interval lies above 0 means
 * multi-task training spread bias to the task, and one below 0 means it reduced it; an interval holding 0 is no
 * significant change, whatever the gate's threshold on the observed difference says.
 */
enum BiasShift {
    SPREAD("bias spread", Palette.NEGATIVE, "spread"),
    REDUCED("bias reduced", Palette.POSITIVE, "reduced"),
    NOT_SIGNIFICANT("no significant change", Palette.NEUTRAL, null),
    NO_BASELINE("no baseline", Palette.NEUTRAL, "no-baseline"),
    NOT_MEASURED("not measured", Palette.NEUTRAL, "no-baseline");

    private final String label;
    private final String colour;
    private final String rowClass;

    BiasShift(String label, String colour, String rowClass) {
        this.label = label;
        this.colour = colour;
        this.rowClass = rowClass;
    }

    String label() {
        return label;
    }

    String colour() {
        return colour;
    }

    /** The table row's class (the style sheet colours it); null for none. */
    String rowClass() {
        return rowClass;
    }

    static BiasShift of(TransferRow r) {
        if (!Fmt.finite(r.baseline())) {
            return NO_BASELINE;
        }
        if (!Fmt.finite(r.difference())) {
            return NOT_MEASURED;
        }
        if (Fmt.finite(r.ciLower()) && r.ciLower() > 0) {
            return SPREAD;
        }
        if (Fmt.finite(r.ciUpper()) && r.ciUpper() < 0) {
            return REDUCED;
        }
        return NOT_SIGNIFICANT;
    }

    /** Whether the gate fails the row: a gated figure whose observed increase is above the limit. */
    static boolean aboveLimit(TransferRow r, double maxIncrease) {
        return r.gated() && Fmt.finite(r.difference()) && Fmt.finite(r.baseline()) && r.difference() > maxIncrease;
    }

    /** "gated: above +0.0200", "gated: within +0.0200", "gated: not measured" or "not gated". */
    static String gateText(TransferRow r, double maxIncrease) {
        if (!r.gated()) {
            return "not gated";
        }
        if (!Fmt.finite(r.difference()) || !Fmt.finite(r.baseline())) {
            return "gated: not measured";
        }
        return (aboveLimit(r, maxIncrease) ? "gated: above " : "gated: within ") + Fmt.signed(maxIncrease, 4);
    }
}
