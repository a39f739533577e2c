package io.multitune.fairness.explain;

/**
 * A token's aggregated attribution over a task's explained cases.
 *
 * @param token       the token, lower case
 * @param occurrences how often it occurs in the cases
 * @param total       the sum of its attributions
 * @param mean        total / occurrences
 */
public record TokenImportance(String token, int occurrences, double total, double mean) {
}
