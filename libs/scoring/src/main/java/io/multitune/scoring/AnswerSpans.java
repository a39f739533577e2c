package io.multitune.scoring;

import io.multitune.training.batch.TaskTargets;

/**
 * Decoding an extractive QA head's start and end logits into the best answer span: the pair (start, end) of context
 * tokens with start ≤ end < start + maxTokens maximising start logit + end logit (SQuAD's decoding without the
 * "no answer" option: a span is always predicted when the row has context tokens).
 */
public final class AnswerSpans {

    private AnswerSpans() {
    }

    /**
     * The best span's first and last token (inclusive), or {-1, -1} when no token of the row is in the context.
     *
     * @param startLogits per token of the row (padding included)
     * @param endLogits   per token
     * @param context     the row's context as the QA encoder tokenised it
     * @param maxTokens   the longest answer in tokens
     */
    public static int[] best(float[] startLogits, float[] endLogits, TaskTargets.SpanContext context, int maxTokens) {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be >= 1, was " + maxTokens);
        }
        int n = Math.min(startLogits.length, endLogits.length);
        int bestStart = -1;
        int bestEnd = -1;
        double best = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < n; s++) {
            if (!context.inContext(s)) {
                continue;
            }
            for (int e = s; e < n && e < s + maxTokens; e++) {
                if (!context.inContext(e)) {
                    continue;
                }
                double score = (double) startLogits[s] + endLogits[e];
                if (score > best) {
                    best = score;
                    bestStart = s;
                    bestEnd = e;
                }
            }
        }
        return new int[] {bestStart, bestEnd};
    }

    /** The context text a span covers ("" for {-1, -1}). */
    public static String text(int[] span, TaskTargets.SpanContext context) {
        if (span[0] < 0) {
            return "";
        }
        int from = context.charStart()[span[0]];
        int to = Math.max(from, context.charEnd()[span[1]]);
        return context.context().substring(from, to);
    }
}
