package io.multitune.training.heads;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.multitune.encoder.weights.TaskHeadWeights;
import io.multitune.training.batch.TaskTargets;
import io.multitune.training.eval.SpanMatch;
import io.multitune.training.eval.TaskMetric;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Extractive QA: dense on every token to a start and an end logit ([rows, tokens, 2], the export contract's
 * {@link TaskHeadWeights.Kind#SPAN}); loss = (CE(start) + CE(end)) / 2 over the tokens, padding masked out, the
 * answer's first and last token as targets ([CLS] where truncation cut the answer off), as Hugging Face does.
 */
public final class SpanHead extends TaskHead {

    /** Added to padded positions' logits in the loss: far below any real logit, still finite in float32. */
    private static final float PADDING_LOGIT = -1e4f;

    SpanHead(NDManager manager, String taskId, int hidden, float dropout, SplittableRandom random) {
        super(manager, taskId, TaskHeadWeights.Kind.SPAN, List.of(), hidden, 2, dropout, random);
    }

    @Override
    public NDArray logits(NDArray hidden, NDArray mask, boolean training) {
        return dense(hidden, training);
    }

    @Override
    public HeadLoss loss(NDArray logits, NDArray mask, TaskTargets targets) {
        TaskTargets.Spans spans = (TaskTargets.Spans) targets;
        NDArray padding = mask.toType(DataType.FLOAT32, false).sub(1f).mul(-PADDING_LOGIT);
        NDArray start = logits.get(":, :, 0").add(padding);
        NDArray end = logits.get(":, :, 1").add(padding);
        long[] first = Arrays.stream(spans.startTokens()).asLongStream().toArray();
        long[] last = Arrays.stream(spans.endTokens()).asLongStream().toArray();
        NDArray loss = GraphScalars.dividedBy(Heads.crossEntropy(start, first, TaskTargets.IGNORED, first.length)
                .add(Heads.crossEntropy(end, last, TaskTargets.IGNORED, last.length)), 2f);
        return new HeadLoss(loss, first.length);
    }

    @Override
    public TaskMetric newMetric() {
        return new SpanMatch();
    }
}
