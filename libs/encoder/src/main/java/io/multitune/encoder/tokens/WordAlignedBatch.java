package io.multitune.encoder.tokens;

import java.util.List;

/**
 * A batch of pre-split words (token classification) with each word's first sub-token: labels go there, every other
 * position (later sub-tokens, special tokens, padding) gets {@link #IGNORED}, as Hugging Face's token
 * classification does.
 *
 * @param batch         the encoded batch
 * @param wordAtToken   flat [size, length]: the word index if this token starts a word, else -1
 * @param wordsKept     per sequence, how many words survived truncation
 */
public record WordAlignedBatch(EncodedBatch batch, int[] wordAtToken, int[] wordsKept) {

    /** Label of positions that carry no word label (PyTorch's cross-entropy ignore_index). */
    public static final long IGNORED = -100;

    public WordAlignedBatch {
        if (wordAtToken.length != batch.size() * batch.length() || wordsKept.length != batch.size()) {
            throw new IllegalArgumentException("alignment does not match the batch");
        }
    }

    /**
     * Per-token labels, flat [size, length]: {@code wordLabels.get(i)[w]} on the first sub-token of word w of
     * sequence i, {@link #IGNORED} elsewhere. Labels of words cut by truncation are dropped.
     */
    public long[] alignLabels(List<int[]> wordLabels) {
        if (wordLabels.size() != batch.size()) {
            throw new IllegalArgumentException(
                    "labels for " + wordLabels.size() + " sequences, batch has " + batch.size());
        }
        long[] labels = new long[wordAtToken.length];
        for (int row = 0; row < batch.size(); row++) {
            int[] rowLabels = wordLabels.get(row);
            if (rowLabels.length < wordsKept[row]) {
                throw new IllegalArgumentException("sequence " + row + " has " + rowLabels.length
                        + " labels for " + wordsKept[row] + " words");
            }
            for (int c = 0; c < batch.length(); c++) {
                int i = row * batch.length() + c;
                labels[i] = wordAtToken[i] < 0 ? IGNORED : rowLabels[wordAtToken[i]];
            }
        }
        return labels;
    }

    /** For each sequence, the token position of each kept word's first sub-token (to read predictions back). */
    public int[][] firstTokenOfWords() {
        int[][] positions = new int[batch.size()][];
        for (int row = 0; row < batch.size(); row++) {
            positions[row] = new int[wordsKept[row]];
            for (int c = 0; c < batch.length(); c++) {
                int word = wordAtToken[row * batch.length() + c];
                if (word >= 0) {
                    positions[row][word] = c;
                }
            }
        }
        return positions;
    }
}
