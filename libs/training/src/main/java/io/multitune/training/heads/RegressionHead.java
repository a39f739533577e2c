package io.multitune.training.heads;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.multitune.encoder.weights.TaskHeadWeights;
import io.multitune.training.batch.TaskTargets;
import io.multitune.training.eval.PearsonCorrelation;
import io.multitune.training.eval.TaskMetric;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Regression on one or two texts: masked mean pooling, dropout, dense to one value, mean squared error against
 * the raw target values (no rescaling: a task with large values has a large loss, which loss-balancing strategies
 * such as uncertainty weighting or FAMO exist to handle).
 */
public final class RegressionHead extends TaskHead {

    RegressionHead(NDManager manager, String taskId, int hidden, float dropout, SplittableRandom random) {
        super(manager, taskId, TaskHeadWeights.Kind.REGRESSION, List.of(), hidden, 1, dropout, random);
    }

    @Override
    public NDArray logits(NDArray hidden, NDArray mask, boolean training) {
        return dense(Heads.maskedMean(hidden, mask), training);
    }

    @Override
    public HeadLoss loss(NDArray logits, NDArray mask, TaskTargets targets) {
        float[] values = ((TaskTargets.Values) targets).values();
        NDArray target = logits.getManager().create(values);
        NDArray predicted = logits.reshape(values.length);
        return new HeadLoss(predicted.sub(target).square().mean(), values.length);
    }

    @Override
    public TaskMetric newMetric() {
        return new PearsonCorrelation();
    }
}
