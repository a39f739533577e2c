package io.multitune.encoder.onnx;

import java.util.Arrays;

/**
 * One head's output for a batch, flat and row-major.
 *
 * @param head   which task, what kind, which labels
 * @param shape  [batch, size] for pooled heads, [batch, tokens, size] for token heads
 * @param values the scores (logits for classification, values for regression, start/end logits for spans)
 */
public record HeadOutput(ExportedHead head, long[] shape, float[] values) {

    /** The {@code size} scores at a row ({@code vector(b)}) or a token ({@code vector(b, t)}). */
    public float[] vector(int... index) {
        if (index.length != shape.length - 1) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + (shape.length - 1)
                    + " indices, got " + index.length);
        }
        int offset = 0;
        for (int axis = 0; axis < index.length; axis++) {
            if (index[axis] < 0 || index[axis] >= shape[axis]) {
                throw new IndexOutOfBoundsException("index " + index[axis] + " on axis " + axis + " of "
                        + Arrays.toString(shape));
            }
            offset = (int) (offset * shape[axis] + index[axis]);
        }
        int size = (int) shape[shape.length - 1];
        return Arrays.copyOfRange(values, offset * size, (offset + 1) * size);
    }

    /** The position of the highest score at a row or token (first on ties). */
    public int argmax(int... index) {
        float[] v = vector(index);
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The label of the highest score at a row or token; only for heads with labels. */
    public String label(int... index) {
        if (head.labels().isEmpty()) {
            throw new IllegalStateException("head " + head.taskId() + " (" + head.kind() + ") has no labels");
        }
        return head.labels().get(argmax(index));
    }
}
