package io.multitune.evaluation.metrics;

/**
 * Precision, recall and F1 of one class, with its support.
 *
 * @param label          class index
 * @param precision      TP / predicted count; 0 when the class was never predicted
 * @param recall         TP / support; 0 when the class has no support
 * @param f1             harmonic mean of precision and recall; 0 when both are 0
 * @param support        gold count of the class
 * @param predictedCount how often the class was predicted
 */
public record ClassScores(int label, double precision, double recall, double f1, long support, long predictedCount) {
}
