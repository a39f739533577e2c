/**
 * Validation metrics (accuracy, token accuracy, Pearson r, SQuAD exact match and F1) and per-task early stopping
 * with patience.
 */
package io.multitune.training.eval;
