package io.multitune.training.heads;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.multitune.encoder.weights.TaskHeadWeights;
import io.multitune.training.batch.TaskTargets;
import io.multitune.training.eval.Accuracy;
import io.multitune.training.eval.TaskMetric;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Text and text-pair classification: masked mean pooling, dropout, dense to one logit per label, softmax
 * cross-entropy. Mean pooling rather than [CLS]: MiniLM was trained as a sentence encoder with mean pooling and
 * has no trained pooler, and the export contract ({@link TaskHeadWeights.Kind#SEQUENCE_CLASSIFICATION}) fixes it.
 */
public final class SequenceClassificationHead extends TaskHead {

    SequenceClassificationHead(NDManager manager, String taskId, List<String> labels, int hidden, float dropout,
                               SplittableRandom random) {
        super(manager, taskId, TaskHeadWeights.Kind.SEQUENCE_CLASSIFICATION, labels, hidden, labels.size(), dropout,
                random);
    }

    @Override
    public NDArray logits(NDArray hidden, NDArray mask, boolean training) {
        return dense(Heads.maskedMean(hidden, mask), training);
    }

    @Override
    public HeadLoss loss(NDArray logits, NDArray mask, TaskTargets targets) {
        int[] labels = ((TaskTargets.ClassLabels) targets).labels();
        long[] classes = Arrays.stream(labels).asLongStream().toArray();
        return new HeadLoss(Heads.crossEntropy(logits, classes, TaskTargets.IGNORED, classes.length), classes.length);
    }

    @Override
    public TaskMetric newMetric() {
        return new Accuracy();
    }
}
