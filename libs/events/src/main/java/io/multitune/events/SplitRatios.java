package io.multitune.events;

/**
 * Ratios of the deterministic split made for records that carry no split. They need not sum to one:
 * they are normalised.
 */
public record SplitRatios(double train, double validation, double test) {
    public static final SplitRatios DEFAULT = new SplitRatios(0.8, 0.1, 0.1);

    /** The normalised share of a split. */
    public double share(Split split) {
        double sum = train + validation + test;
        double v = switch (split) {
            case TRAIN -> train;
            case VALIDATION -> validation;
            case TEST -> test;
        };
        return v / sum;
    }
}
