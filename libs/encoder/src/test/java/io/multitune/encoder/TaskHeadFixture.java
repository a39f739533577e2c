package io.multitune.encoder;

import ai.djl.ndarray.NDManager;
import io.multitune.encoder.model.BertEncoder;
import io.multitune.encoder.onnx.HeadOutput;
import io.multitune.encoder.tokens.EncodedBatch;
import io.multitune.encoder.weights.DenseWeights;
import io.multitune.encoder.weights.TaskHeadReference;
import io.multitune.encoder.weights.TaskHeadWeights;
import io.multitune.encoder.weights.WeightTensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/** Random task heads and the DJL + pure-Java reference the exported heads are compared with. */
public final class TaskHeadFixture {

    private TaskHeadFixture() {
    }

    /**
     * A random head; classification kinds get labels L0, L1, ... Weights have std 0.1 (not BERT's 0.02) so that
     * logits are O(1) and an absolute tolerance means something.
     */
    public static TaskHeadWeights head(String taskId, TaskHeadWeights.Kind kind, int hidden, int labels, long seed) {
        int out = switch (kind) {
            case REGRESSION -> 1;
            case SPAN -> 2;
            default -> labels;
        };
        List<String> names = kind == TaskHeadWeights.Kind.SEQUENCE_CLASSIFICATION
                || kind == TaskHeadWeights.Kind.TOKEN_CLASSIFICATION
                ? IntStream.range(0, out).mapToObj(i -> "L" + i).toList() : List.of();
        Random random = new Random(seed);
        return new TaskHeadWeights(taskId, kind, new DenseWeights(gaussian(random, out, hidden), gaussian(random, out)),
                names);
    }

    /** last_hidden_state from the DJL encoder (inference mode), flat [batch, length, hidden]. */
    public static float[] djlHidden(BertEncoder encoder, EncodedBatch batch) {
        try (NDManager scratch = encoder.manager().newSubManager()) {
            return encoder.forward(scratch, batch, false).toFloatArray();
        }
    }

    /**
     * Largest |ORT − reference| over every head and every value (padding included), the reference being the
     * pure-Java heads applied to {@code hidden}; also checks each output's shape.
     */
    public static double maxHeadDiff(List<TaskHeadWeights> heads, Map<String, HeadOutput> ort, float[] hidden,
                                     EncodedBatch batch) {
        double max = 0;
        List<String> problems = new ArrayList<>();
        for (TaskHeadWeights head : heads) {
            HeadOutput out = ort.get(head.taskId());
            long[] expected = out.head().shape(batch.size(), batch.length());
            if (!Arrays.equals(expected, out.shape())) {
                problems.add(head.taskId() + " shape " + Arrays.toString(out.shape()));
            }
            float[] reference = TaskHeadReference.apply(head, hidden, batch.attentionMask(), batch.size(),
                    batch.length());
            max = Math.max(max, maxAbsDiff(reference, out.values()));
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("wrong shapes: " + problems);
        }
        return max;
    }

    public static double maxAbsDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
        }
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs((double) a[i] - b[i]);
            max = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(max, d);
        }
        return max;
    }

    private static WeightTensor gaussian(Random random, long... shape) {
        WeightTensor t = WeightTensor.zeros(shape);
        float[] v = t.values();
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextGaussian() * 0.1);
        }
        return t;
    }
}
