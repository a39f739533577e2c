package io.multitune.training.heads;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.multitune.encoder.weights.TaskHeadWeights;
import io.multitune.training.batch.TaskTargets;
import io.multitune.training.eval.TaskMetric;
import io.multitune.training.eval.TokenAccuracy;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Token classification (POS, NER): dropout and dense on every token, cross-entropy on each word's first sub-token
 * only; later sub-tokens, special tokens and padding carry -100 and are ignored, as in Hugging Face's token
 * classification.
 */
public final class TokenClassificationHead extends TaskHead {

    TokenClassificationHead(NDManager manager, String taskId, List<String> labels, int hidden, float dropout,
                            SplittableRandom random) {
        super(manager, taskId, TaskHeadWeights.Kind.TOKEN_CLASSIFICATION, labels, hidden, labels.size(), dropout,
                random);
    }

    @Override
    public NDArray logits(NDArray hidden, NDArray mask, boolean training) {
        return dense(hidden, training);
    }

    @Override
    public HeadLoss loss(NDArray logits, NDArray mask, TaskTargets targets) {
        TaskTargets.TokenLabels tags = (TaskTargets.TokenLabels) targets;
        if (logits.getShape().get(1) != tags.length()) {
            throw new IllegalArgumentException("logits cover " + logits.getShape().get(1) + " tokens, labels "
                    + tags.length());
        }
        long count = Heads.counted(tags.labels(), TaskTargets.IGNORED);
        return new HeadLoss(Heads.crossEntropy(logits, tags.labels(), TaskTargets.IGNORED, count), count);
    }

    @Override
    public TaskMetric newMetric() {
        return new TokenAccuracy();
    }
}
