/**
 * Task heads in DJL, one per task of a job, producing and loading the engine-free
 * {@link io.multitune.encoder.weights.TaskHeadWeights} contract: sequence classification and regression on the
 * masked mean of the token vectors, token classification and answer spans on every token. Each head owns its
 * loss and its validation metric.
 */
package io.multitune.training.heads;
