/**
 * The trainer's own optimiser: AdamW on NDArrays with decoupled weight decay, bias correction, per-parameter L2,
 * global-norm clipping and a warm-up then linear-decay schedule, with state that a checkpoint can save and
 * restore exactly.
 */
package io.multitune.training.optim;
