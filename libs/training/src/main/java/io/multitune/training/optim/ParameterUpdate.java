package io.multitune.training.optim;

import ai.djl.ndarray.NDArray;

/**
 * One parameter and its gradient for an AdamW step.
 *
 * @param name      the parameter's stable name (the key of its optimizer state)
 * @param parameter the parameter's array, updated in place
 * @param gradient  its gradient for this step (not modified)
 * @param decay     whether decoupled weight decay applies (matrices: see {@link AdamWSettings#weightDecay()})
 * @param l2        extra L2 coefficient λ added to the gradient as λ·p before clipping (per-task head L2); 0 for none
 */
public record ParameterUpdate(String name, NDArray parameter, NDArray gradient, boolean decay, double l2) {

    public ParameterUpdate {
        if (!(l2 >= 0)) {
            throw new IllegalArgumentException("l2 must be >= 0, got " + l2);
        }
    }
}
