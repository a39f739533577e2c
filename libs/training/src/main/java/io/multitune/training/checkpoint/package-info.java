/**
 * Checkpoint files: bit-exact tensor files and a directory written atomically with a manifest of SHA-256 digests.
 * What goes into a checkpoint is {@link io.multitune.training.TrainingState}.
 */
package io.multitune.training.checkpoint;
