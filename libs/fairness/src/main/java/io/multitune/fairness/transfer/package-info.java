/**
 * Bias transfer: does multi-task training make a task's model more biased than training it alone? Every bias figure
 * of the multi-task model minus the same figure of the task's single-task baseline, with a bootstrap interval of the
 * difference. When both models were measured on the same inputs (the same counterfactual pairs in the same order,
 * or the same group-labelled examples) the interval is <b>paired</b>: each resample draws the same sources or
 * examples for both models, which removes the inputs' own variance from the difference. Otherwise the two are
 * resampled independently. Positive differences mean the multi-task model is more biased.
 */
package io.multitune.fairness.transfer;
