package io.multitune.encoder.weights;

import java.util.Arrays;

/**
 * A float32 tensor in row-major order, free of any engine so that reading, writing and comparing weights needs no
 * native library.
 *
 * @param shape  dimensions, outermost first
 * @param values {@code product(shape)} values
 */
public record WeightTensor(long[] shape, float[] values) {

    public WeightTensor {
        long size = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            size *= d;
        }
        if (size != values.length) {
            throw new IllegalArgumentException(
                    "shape " + Arrays.toString(shape) + " needs " + size + " values, got " + values.length);
        }
    }

    public static WeightTensor of(float[] values, long... shape) {
        return new WeightTensor(shape.clone(), values);
    }

    public static WeightTensor zeros(long... shape) {
        return new WeightTensor(shape.clone(), new float[Math.toIntExact(product(shape))]);
    }

    public static WeightTensor filled(float value, long... shape) {
        WeightTensor t = zeros(shape);
        Arrays.fill(t.values, value);
        return t;
    }

    public int rank() {
        return shape.length;
    }

    public long dim(int axis) {
        return shape[axis];
    }

    public int size() {
        return values.length;
    }

    public boolean hasShape(long... expected) {
        return Arrays.equals(shape, expected);
    }

    public String shapeText() {
        return Arrays.toString(shape);
    }

    /** The transpose of a matrix: converts between ONNX's [in, out] and PyTorch's [out, in] dense layout. */
    public WeightTensor transposed() {
        if (shape.length != 2) {
            throw new IllegalStateException("transpose needs a matrix, got shape " + shapeText());
        }
        int rows = (int) shape[0];
        int cols = (int) shape[1];
        float[] out = new float[values.length];
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = values[base + c];
            }
        }
        return new WeightTensor(new long[] {cols, rows}, out);
    }

    /** Exact equality of shape and every value (records compare arrays by reference). */
    public boolean sameAs(WeightTensor other) {
        return Arrays.equals(shape, other.shape) && Arrays.equals(values, other.values);
    }

    private static long product(long[] shape) {
        long p = 1;
        for (long d : shape) {
            p *= d;
        }
        return p;
    }
}
