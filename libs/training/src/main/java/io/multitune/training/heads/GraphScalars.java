package io.multitune.training.heads;

import ai.djl.ndarray.NDArray;

/**
 * Multiplying or dividing by a constant inside the autograd graph. DJL's {@code mul(Number)} and
 * {@code div(Number)} wrap the constant in a zero-copy tensor over a Java direct buffer and close it right away;
 * autograd keeps that tensor for the backward pass, and once the garbage collector frees the buffer the backward
 * reads whatever the memory holds by then (observed: NaN and infinite gradients at random steps). Here the constant
 * is an array of the operand's manager (the step's scratch manager), alive until the step is over.
 */
public final class GraphScalars {

    private GraphScalars() {
    }

    public static NDArray times(NDArray x, float value) {
        return x.mul(x.getManager().create(value));
    }

    public static NDArray dividedBy(NDArray x, float value) {
        return x.div(x.getManager().create(value));
    }
}
