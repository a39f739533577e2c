package io.multitune.evaluation.metrics;

/**
 * Entity-level micro precision, recall and F1 over a corpus.
 *
 * @param precision       matched / predicted entities; 0 when nothing was predicted
 * @param recall          matched / gold entities; 0 when there are no gold entities
 * @param f1              harmonic mean; 0 when both are 0
 * @param matched         predicted entities with exactly the span and type of a gold entity
 * @param predictedCount  predicted entities
 * @param goldCount       gold entities
 */
public record EntityScores(double precision, double recall, double f1, long matched, long predictedCount,
                           long goldCount) {
}
