package io.multitune.training.batch;

import io.multitune.encoder.tokens.EncodedBatch;

import java.util.Arrays;
import java.util.List;

/** Joining encoded batches of different lengths into one, padding every row to the longest. */
final class EncodedBatches {

    private EncodedBatches() {
    }

    /** The parts' rows one after another. */
    static EncodedBatch concat(List<EncodedBatch> parts, long padId) {
        int total = parts.stream().mapToInt(EncodedBatch::size).sum();
        int[][] rows = new int[parts.size()][];
        int next = 0;
        for (int p = 0; p < parts.size(); p++) {
            rows[p] = new int[parts.get(p).size()];
            for (int r = 0; r < rows[p].length; r++) {
                rows[p][r] = next++;
            }
        }
        return interleave(parts, rows, total, padId);
    }

    /** Row r of part p lands at row {@code targetRows[p][r]} of the result. */
    static EncodedBatch interleave(List<EncodedBatch> parts, int[][] targetRows, int totalRows, long padId) {
        int length = parts.stream().mapToInt(EncodedBatch::length).max().orElse(0);
        long[] ids = new long[totalRows * length];
        long[] mask = new long[totalRows * length];
        long[] types = new long[totalRows * length];
        Arrays.fill(ids, padId);
        for (int p = 0; p < parts.size(); p++) {
            EncodedBatch part = parts.get(p);
            for (int r = 0; r < part.size(); r++) {
                int from = r * part.length();
                int to = targetRows[p][r] * length;
                System.arraycopy(part.inputIds(), from, ids, to, part.length());
                System.arraycopy(part.attentionMask(), from, mask, to, part.length());
                System.arraycopy(part.tokenTypeIds(), from, types, to, part.length());
            }
        }
        return new EncodedBatch(totalRows, length, ids, mask, types);
    }
}
