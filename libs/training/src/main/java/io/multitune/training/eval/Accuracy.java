package io.multitune.training.eval;

import io.multitune.training.batch.TaskTargets;

/** Share of examples whose highest logit is the true label. */
public final class Accuracy implements TaskMetric {

    private long correct;
    private long total;

    @Override
    public String name() {
        return "accuracy";
    }

    @Override
    public void add(float[] logits, long[] shape, TaskTargets targets) {
        int[] labels = ((TaskTargets.ClassLabels) targets).labels();
        int width = (int) shape[1];
        for (int r = 0; r < labels.length; r++) {
            if (TaskMetric.argmax(logits, r * width, width) == labels[r]) {
                correct++;
            }
        }
        total += labels.length;
    }

    @Override
    public long examples() {
        return total;
    }

    @Override
    public double score() {
        return total == 0 ? Double.NaN : (double) correct / total;
    }
}
