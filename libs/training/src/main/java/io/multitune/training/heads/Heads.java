package io.multitune.training.heads;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import io.multitune.encoder.weights.WeightTensor;

import java.util.Arrays;

/** Tensor helpers the heads share: pooling, cross-entropy against host labels, writing values into parameters. */
public final class Heads {

    private Heads() {
    }

    /**
     * Masked mean pooling, the pooling all-MiniLM-L6-v2 was trained with (sentence-transformers): the mean of the
     * token vectors where the mask is 1, the count clamped at 1e-9. [rows, tokens, hidden] → [rows, hidden].
     */
    public static NDArray maskedMean(NDArray hidden, NDArray mask) {
        NDArray weights = mask.toType(DataType.FLOAT32, false).expandDims(-1);
        NDArray counts = weights.sum(new int[] {1}).clip(1e-9f, Float.MAX_VALUE);
        return hidden.mul(weights).sum(new int[] {1}).div(counts);
    }

    /**
     * Mean cross-entropy of {@code logits} [..., classes] against class indices (flat, one per leading position;
     * {@code ignored} positions do not count): −Σ one-hot · log-softmax / count. With no counted position the
     * loss is 0 and still part of the graph, so a backward through it works and gives zero gradients.
     */
    static NDArray crossEntropy(NDArray logits, long[] classes, long ignored, long count) {
        Shape shape = logits.getShape();
        int width = (int) shape.get(shape.dimension() - 1);
        float[] oneHot = new float[classes.length * width];
        for (int i = 0; i < classes.length; i++) {
            if (classes[i] != ignored) {
                if (classes[i] < 0 || classes[i] >= width) {
                    throw new IllegalArgumentException("class " + classes[i] + " outside [0, " + width + ")");
                }
                oneHot[i * width + (int) classes[i]] = 1f;
            }
        }
        NDArray target = logits.getManager().create(oneHot, shape);
        return GraphScalars.dividedBy(logits.logSoftmax(-1).mul(target).sum().neg(), (float) Math.max(count, 1));
    }

    static long counted(long[] classes, long ignored) {
        return Arrays.stream(classes).filter(c -> c != ignored).count();
    }

    /** Writes values into a parameter in place (checkpoint restore, loading exported heads). */
    public static void setValues(Parameter parameter, WeightTensor values) {
        NDArray array = parameter.getArray();
        if (!Arrays.equals(array.getShape().getShape(), values.shape())) {
            throw new IllegalArgumentException("parameter " + parameter.getName() + " has shape " + array.getShape()
                    + ", values have " + values.shapeText());
        }
        array.set(values.values());
    }
}
