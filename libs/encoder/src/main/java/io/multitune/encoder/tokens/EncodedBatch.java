package io.multitune.encoder.tokens;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A tokenised batch, padded to its longest sequence: flat row-major [size, length] int64 arrays, ready for DJL
 * ({@link #toNDList}) and ONNX Runtime alike.
 *
 * @param size          number of sequences
 * @param length        tokens per sequence after padding
 * @param inputIds      word-piece ids
 * @param attentionMask 1 for real tokens, 0 for padding
 * @param tokenTypeIds  0 for the first text, 1 for the second of a pair
 */
public record EncodedBatch(int size, int length, long[] inputIds, long[] attentionMask, long[] tokenTypeIds) {

    public EncodedBatch {
        int n = size * length;
        if (inputIds.length != n || attentionMask.length != n || tokenTypeIds.length != n) {
            throw new IllegalArgumentException("a batch of " + size + " x " + length + " needs " + n + " ids");
        }
    }

    public Shape shape() {
        return new Shape(size, length);
    }

    /** input_ids, attention_mask, token_type_ids as int64 [size, length] arrays of {@code manager}. */
    public NDList toNDList(NDManager manager) {
        return new NDList(ids(manager, inputIds), ids(manager, attentionMask), ids(manager, tokenTypeIds));
    }

    /** The id at sequence {@code row}, position {@code column}. */
    public long inputId(int row, int column) {
        return inputIds[row * length + column];
    }

    /** Real (non-padding) tokens of sequence {@code row}. */
    public int realTokens(int row) {
        int n = 0;
        for (int c = 0; c < length; c++) {
            n += (int) attentionMask[row * length + c];
        }
        return n;
    }

    private NDArray ids(NDManager manager, long[] values) {
        return manager.create(values, shape());
    }
}
