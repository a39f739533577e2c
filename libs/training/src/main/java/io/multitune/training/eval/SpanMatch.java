package io.multitune.training.eval;

import io.multitune.training.batch.TaskTargets;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * SQuAD's exact match and token F1 (the official evaluation script's normalisation: lower case, punctuation and
 * the articles a/an/the removed, whitespace collapsed). The predicted span is the best-scoring start ≤ end within
 * the context tokens, at most {@link #MAX_ANSWER_TOKENS} long; its text is cut from the context by the tokens'
 * character spans. The main score is F1 (0..1); {@link #exactMatch()} gives EM.
 */
public final class SpanMatch implements TaskMetric {

    public static final int MAX_ANSWER_TOKENS = 30;
    private static final Pattern ARTICLES = Pattern.compile("\\b(a|an|the)\\b");
    private static final Pattern PUNCTUATION = Pattern.compile("\\p{Punct}");

    private long examples;
    private double exact;
    private double f1;

    @Override
    public String name() {
        return "f1";
    }

    @Override
    public void add(float[] logits, long[] shape, TaskTargets targets) {
        TaskTargets.Spans spans = (TaskTargets.Spans) targets;
        int tokens = (int) shape[1];
        for (int r = 0; r < spans.rows(); r++) {
            TaskTargets.SpanContext context = spans.contexts().get(r);
            String predicted = predictedText(logits, r * tokens * 2, tokens, context);
            exact += normalise(predicted).equals(normalise(context.answerText())) ? 1 : 0;
            f1 += tokenF1(predicted, context.answerText());
            examples++;
        }
    }

    static String predictedText(float[] logits, int offset, int tokens, TaskTargets.SpanContext context) {
        double best = Double.NEGATIVE_INFINITY;
        int bestStart = -1;
        int bestEnd = -1;
        for (int s = 0; s < tokens; s++) {
            if (!context.inContext(s)) {
                continue;
            }
            for (int e = s; e < Math.min(tokens, s + MAX_ANSWER_TOKENS); e++) {
                double score = logits[offset + 2 * s] + logits[offset + 2 * e + 1];
                if (context.inContext(e) && score > best) {
                    best = score;
                    bestStart = s;
                    bestEnd = e;
                }
            }
        }
        return bestStart < 0 ? "" : context.context().substring(context.charStart()[bestStart],
                context.charEnd()[bestEnd]);
    }

    static String normalise(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        String noPunctuation = PUNCTUATION.matcher(lower).replaceAll("");
        String noArticles = ARTICLES.matcher(noPunctuation).replaceAll(" ");
        return String.join(" ", noArticles.trim().split("\\s+"));
    }

    static double tokenF1(String predicted, String truth) {
        List<String> p = words(predicted);
        List<String> t = words(truth);
        if (p.isEmpty() || t.isEmpty()) {
            return p.equals(t) ? 1 : 0;
        }
        Map<String, Integer> counts = new HashMap<>();
        t.forEach(w -> counts.merge(w, 1, Integer::sum));
        int common = 0;
        for (String w : p) {
            if (counts.getOrDefault(w, 0) > 0) {
                counts.merge(w, -1, Integer::sum);
                common++;
            }
        }
        if (common == 0) {
            return 0;
        }
        double precision = (double) common / p.size();
        double recall = (double) common / t.size();
        return 2 * precision * recall / (precision + recall);
    }

    private static List<String> words(String text) {
        String n = normalise(text);
        return n.isEmpty() ? List.of() : Arrays.asList(n.split(" "));
    }

    @Override
    public long examples() {
        return examples;
    }

    @Override
    public double score() {
        return examples == 0 ? Double.NaN : f1 / examples;
    }

    /** Exact match (0..1); NaN when nothing was added. */
    public double exactMatch() {
        return examples == 0 ? Double.NaN : exact / examples;
    }
}
