package io.multitune.encoder.weights;

import java.util.Arrays;

/**
 * The task heads in plain Java on float arrays: the reference the exported ONNX heads are checked against, and a
 * way to apply heads to hidden states from any engine (DJL, ONNX Runtime) without building a graph. Sums run in
 * double, so the reference carries less rounding than either engine. Arrays are flat and row-major.
 */
public final class TaskHeadReference {

    private TaskHeadReference() {
    }

    /**
     * The head's output for a batch: [batch, out] for pooled kinds, [batch, length, out] for token kinds.
     *
     * @param hidden last_hidden_state [batch, length, hidden]
     * @param mask   attention mask [batch, length], 1 for real tokens
     */
    public static float[] apply(TaskHeadWeights head, float[] hidden, long[] mask, int batch, int length) {
        int size = head.dense().in();
        return switch (head.kind()) {
            case SEQUENCE_CLASSIFICATION, REGRESSION ->
                    dense(meanPool(hidden, mask, batch, length, size), batch, head.dense());
            case TOKEN_CLASSIFICATION, SPAN -> dense(hidden, batch * length, head.dense());
        };
    }

    /**
     * sum over tokens of h · mask, divided by max(sum(mask), 1e-9) (sentence-transformers' mean pooling):
     * [batch, length, size] → [batch, size].
     */
    public static float[] meanPool(float[] hidden, long[] mask, int batch, int length, int size) {
        requireLength(hidden, (long) batch * length * size, "hidden states");
        requireLength(mask, (long) batch * length);
        float[] pooled = new float[batch * size];
        double[] sum = new double[size];
        for (int b = 0; b < batch; b++) {
            Arrays.fill(sum, 0);
            double count = 0;
            for (int t = 0; t < length; t++) {
                double m = mask[b * length + t];
                count += m;
                int base = (b * length + t) * size;
                for (int i = 0; i < size; i++) {
                    sum[i] += hidden[base + i] * m;
                }
            }
            double divisor = Math.max(count, 1e-9);
            for (int i = 0; i < size; i++) {
                pooled[b * size + i] = (float) (sum[i] / divisor);
            }
        }
        return pooled;
    }

    /** y = x Wᵀ + b for each of {@code rows} rows of x [rows, in]; W is [out, in] as in {@link DenseWeights}. */
    public static float[] dense(float[] x, int rows, DenseWeights w) {
        int in = w.in();
        int out = w.out();
        requireLength(x, (long) rows * in, "inputs");
        float[] weight = w.weight().values();
        float[] bias = w.bias().values();
        float[] y = new float[rows * out];
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < out; o++) {
                double acc = bias[o];
                for (int i = 0; i < in; i++) {
                    acc += (double) x[r * in + i] * weight[o * in + i];
                }
                y[r * out + o] = (float) acc;
            }
        }
        return y;
    }

    private static void requireLength(float[] values, long expected, String what) {
        if (values.length != expected) {
            throw new IllegalArgumentException(what + ": " + values.length + " values, expected " + expected);
        }
    }

    private static void requireLength(long[] mask, long expected) {
        if (mask.length != expected) {
            throw new IllegalArgumentException("mask: " + mask.length + " values, expected " + expected);
        }
    }
}
