package io.multitune.evaluation.metrics;

import io.multitune.evaluation.Arguments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Extractive question answering metrics of the SQuAD evaluation script: exact match and token F1 after
 * normalisation (lower-case, strip ASCII punctuation, drop the articles a/an/the, collapse whitespace). With several
 * gold answers an example scores its best match; a corpus scores the mean over examples.
 *
 * <p>Empty answers follow the SQuAD 2.0 script: when the prediction or the gold answer normalises to nothing, token
 * F1 is 1 if both do and 0 otherwise (so "no answer" predicted for an unanswerable question counts as right).
 */
public final class QaMetrics {

    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    private static final Pattern ARTICLES = Pattern.compile("\\b(a|an|the)\\b");

    private QaMetrics() {
    }

    /** The SQuAD normalisation of an answer string. */
    public static String normalize(String answer) {
        Arguments.notNull(answer, "answer");
        String lower = answer.toLowerCase(Locale.ROOT);
        StringBuilder noPunctuation = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (PUNCTUATION.indexOf(c) < 0) {
                noPunctuation.append(c);
            }
        }
        String noArticles = ARTICLES.matcher(noPunctuation).replaceAll(" ");
        return String.join(" ", tokens(noArticles));
    }

    /** 1 when the normalised prediction equals the normalised gold answer, else 0. */
    public static double exactMatch(String predicted, String gold) {
        return normalize(predicted).equals(normalize(gold)) ? 1.0 : 0.0;
    }

    /** F1 of the bag-of-tokens overlap between the normalised prediction and gold answer. */
    public static double tokenF1(String predicted, String gold) {
        List<String> p = tokens(normalize(predicted));
        List<String> g = tokens(normalize(gold));
        if (p.isEmpty() || g.isEmpty()) {
            return p.isEmpty() && g.isEmpty() ? 1.0 : 0.0;
        }
        Map<String, Integer> goldCounts = new HashMap<>();
        g.forEach(t -> goldCounts.merge(t, 1, Integer::sum));
        int common = 0;
        for (String t : p) {
            Integer left = goldCounts.get(t);
            if (left != null && left > 0) {
                common++;
                goldCounts.put(t, left - 1);
            }
        }
        if (common == 0) {
            return 0.0;
        }
        double precision = (double) common / p.size();
        double recall = (double) common / g.size();
        return 2 * precision * recall / (precision + recall);
    }

    /** Best exact match of the prediction against any of the gold answers. */
    public static double exactMatch(String predicted, List<String> golds) {
        checkGolds(golds);
        return golds.stream().mapToDouble(g -> exactMatch(predicted, g)).max().orElseThrow();
    }

    /** Best token F1 of the prediction against any of the gold answers. */
    public static double tokenF1(String predicted, List<String> golds) {
        checkGolds(golds);
        return golds.stream().mapToDouble(g -> tokenF1(predicted, g)).max().orElseThrow();
    }

    /** Mean over examples of the best exact match against each example's gold answers. */
    public static double meanExactMatch(List<String> predicted, List<List<String>> golds) {
        Arguments.sameNonEmptySize(predicted, golds, "predicted", "golds");
        double sum = 0;
        for (int i = 0; i < predicted.size(); i++) {
            sum += exactMatch(predicted.get(i), golds.get(i));
        }
        return sum / predicted.size();
    }

    /** Mean over examples of the best token F1 against each example's gold answers. */
    public static double meanTokenF1(List<String> predicted, List<List<String>> golds) {
        Arguments.sameNonEmptySize(predicted, golds, "predicted", "golds");
        double sum = 0;
        for (int i = 0; i < predicted.size(); i++) {
            sum += tokenF1(predicted.get(i), golds.get(i));
        }
        return sum / predicted.size();
    }

    private static void checkGolds(List<String> golds) {
        Arguments.notNull(golds, "golds");
        Arguments.require(!golds.isEmpty(), "golds", "must hold at least one gold answer");
    }

    private static List<String> tokens(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? new ArrayList<>() : Arrays.asList(trimmed.split("\\s+"));
    }
}
