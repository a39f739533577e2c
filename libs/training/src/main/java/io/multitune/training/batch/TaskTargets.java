package io.multitune.training.batch;

import java.util.List;

/** The targets of one task's rows in a batch, in the form its head's loss and metric read. */
public sealed interface TaskTargets {

    /** Label index of positions that carry no label (PyTorch's cross-entropy ignore_index). */
    long IGNORED = -100;

    /** Number of examples. */
    int rows();

    /** Sequence classification: the index of each example's label in the task's label list. */
    record ClassLabels(int[] labels) implements TaskTargets {
        @Override
        public int rows() {
            return labels.length;
        }
    }

    /** Regression: each example's value. */
    record Values(float[] values) implements TaskTargets {
        @Override
        public int rows() {
            return values.length;
        }
    }

    /**
     * Token classification: flat [rows, length] tag indices on each word's first sub-token, {@link #IGNORED} on
     * later sub-tokens, special tokens and padding.
     */
    record TokenLabels(long[] labels, int rows, int length) implements TaskTargets {
        public TokenLabels {
            if (labels.length != rows * length) {
                throw new IllegalArgumentException(labels.length + " token labels for " + rows + " x " + length);
            }
        }
    }

    /**
     * Extractive QA: the answer's first and last token (inclusive) per example, 0 and 0 (the [CLS] token) where
     * truncation cut the answer off, as Hugging Face does; and what the metrics need to turn predicted tokens back
     * into text.
     */
    record Spans(int[] startTokens, int[] endTokens, List<SpanContext> contexts) implements TaskTargets {
        public Spans {
            contexts = List.copyOf(contexts);
            if (startTokens.length != endTokens.length || startTokens.length != contexts.size()) {
                throw new IllegalArgumentException("span targets of different lengths");
            }
        }

        @Override
        public int rows() {
            return startTokens.length;
        }
    }

    /**
     * One QA example's context as tokenised.
     *
     * @param context    the context text
     * @param charStart  per token of the encoded row: the Java char index where it starts in the context, -1 for
     *                   tokens outside the context (question, special tokens, padding)
     * @param charEnd    per token: the exclusive end, -1 outside the context
     * @param answerText the gold answer text
     */
    record SpanContext(String context, int[] charStart, int[] charEnd, String answerText) {

        /** Whether token {@code t} belongs to the context. */
        public boolean inContext(int t) {
            return t < charStart.length && charStart[t] >= 0;
        }
    }
}
