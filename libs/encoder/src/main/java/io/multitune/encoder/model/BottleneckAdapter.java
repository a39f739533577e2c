package io.multitune.encoder.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import io.multitune.encoder.weights.BottleneckWeights;
import io.multitune.encoder.weights.DenseWeights;
import io.multitune.encoder.weights.WeightTensor;

import java.util.SplittableRandom;

/** Houlsby adapter h ← h + W_up GELU(W_down h); with W_up = 0 (and its bias 0) it is the identity. */
final class BottleneckAdapter {

    private final TrainableDense down;
    private final TrainableDense up;

    private BottleneckAdapter(TrainableDense down, TrainableDense up) {
        this.down = down;
        this.up = up;
    }

    /** A fresh adapter: W_down Kaiming-uniform like nn.Linear, W_up and both biases zero. */
    static BottleneckAdapter initial(EncoderParameters params, String name, int hidden, int size,
                                     SplittableRandom random) {
        DenseWeights downWeights = new DenseWeights(LoraMath.kaimingUniform(random, size, hidden),
                WeightTensor.zeros(size));
        DenseWeights upWeights = new DenseWeights(WeightTensor.zeros(hidden, size), WeightTensor.zeros(hidden));
        return of(params, name, new BottleneckWeights(downWeights, upWeights), true);
    }

    static BottleneckAdapter of(EncoderParameters params, String name, BottleneckWeights w, boolean trainable) {
        return new BottleneckAdapter(TrainableDense.plain(params, name + ".down", w.down(), trainable),
                TrainableDense.plain(params, name + ".up", w.up(), trainable));
    }

    NDArray forward(NDArray h, boolean training) {
        NDArray inner = Activation.gelu(down.forward(h, training));
        return h.add(up.forward(inner, training));
    }

    BottleneckWeights export() {
        return new BottleneckWeights(down.export(), up.export());
    }
}
