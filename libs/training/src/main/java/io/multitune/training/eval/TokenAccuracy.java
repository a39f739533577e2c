package io.multitune.training.eval;

import io.multitune.training.batch.TaskTargets;

/** Share of labelled words (first sub-tokens) whose highest logit is the true tag. */
public final class TokenAccuracy implements TaskMetric {

    private long correct;
    private long tokens;
    private long examples;

    @Override
    public String name() {
        return "token-accuracy";
    }

    @Override
    public void add(float[] logits, long[] shape, TaskTargets targets) {
        TaskTargets.TokenLabels tags = (TaskTargets.TokenLabels) targets;
        int width = (int) shape[2];
        long[] labels = tags.labels();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != TaskTargets.IGNORED) {
                tokens++;
                if (TaskMetric.argmax(logits, i * width, width) == labels[i]) {
                    correct++;
                }
            }
        }
        examples += tags.rows();
    }

    @Override
    public long examples() {
        return examples;
    }

    @Override
    public double score() {
        return tokens == 0 ? Double.NaN : (double) correct / tokens;
    }
}
