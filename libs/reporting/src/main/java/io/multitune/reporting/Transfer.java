package io.multitune.reporting;

import io.multitune.events.RunEvaluated.TaskOutcome;

/**
 * What the comparison says about one task, in the words and colour the chart and the table share. Negative transfer
 * is the evaluator's flag; "significantly better" is read off the bootstrap interval in the metric's direction.
 */
enum Transfer {
    NEGATIVE("negative transfer", Palette.NEGATIVE),
    BETTER("significantly better", Palette.POSITIVE),
    NO_CHANGE("no significant change", Palette.NEUTRAL),
    NO_BASELINE("no baseline", Palette.NEUTRAL);

    private final String label;
    private final String colour;

    Transfer(String label, String colour) {
        this.label = label;
        this.colour = colour;
    }

    String label() {
        return label;
    }

    String colour() {
        return colour;
    }

    static Transfer of(TaskOutcome t) {
        if (t.stl() == null || !Fmt.finite(t.stl())) {
            return NO_BASELINE;
        }
        if (t.negativeTransfer()) {
            return NEGATIVE;
        }
        boolean ci = Fmt.finite(t.ciLower()) && Fmt.finite(t.ciUpper());
        boolean better = ci && (t.higherIsBetter() ? t.ciLower() > 0 : t.ciUpper() < 0);
        return better ? BETTER : NO_CHANGE;
    }

    /** "95 % CI" for alpha 0.05; "CI" when alpha is unknown. */
    static String ciName(Double alpha) {
        return Fmt.finite(alpha) ? Fmt.plain(Math.round((1 - alpha) * 1000) / 10.0) + " % CI" : "CI";
    }
}
