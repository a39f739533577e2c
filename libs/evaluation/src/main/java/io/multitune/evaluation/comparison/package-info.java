/**
 * The multi-task model against the single-task baselines of the same run: a per-task comparison of the primary
 * metric (difference, paired bootstrap interval, McNemar for classification, negative-transfer flag), Δm — the mean
 * sign-adjusted relative change — and the unified score, the weighted mean of the primary metrics mapped to [0, 1].
 * These are the figures the gate judges.
 */
package io.multitune.evaluation.comparison;
