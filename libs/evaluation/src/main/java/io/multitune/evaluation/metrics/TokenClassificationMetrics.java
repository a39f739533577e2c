package io.multitune.evaluation.metrics;

import io.multitune.evaluation.Arguments;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Token classification metrics over sentences of string tags: token accuracy, macro-F1 over tags, and entity-level
 * F1 for BIO (IOB2) tags.
 *
 * <p><b>BIO mode.</b> Entities are read as seqeval does in its default (non-strict, "conlleval") mode: an entity
 * starts at {@code B-X}, and also at an {@code I-X} that follows {@code O}, the sentence start or a tag of another
 * type (an ill-formed I- is repaired rather than dropped); it continues over the following {@code I-X} of the same
 * type. Entity F1 is micro-averaged over the corpus (seqeval's default {@code f1_score}).
 *
 * <p><b>Macro-F1 over tags</b> treats every distinct tag string, {@code O} included, as a class, with the
 * zero-support convention of {@link ClassificationMetrics}.
 */
public final class TokenClassificationMetrics {

    private static final String OUTSIDE = "O";

    private TokenClassificationMetrics() {
    }

    /** Share of tokens whose predicted tag equals the gold tag, over all sentences. */
    public static double tokenAccuracy(List<List<String>> gold, List<List<String>> predicted) {
        checkAligned(gold, predicted);
        long right = 0;
        long total = 0;
        for (int s = 0; s < gold.size(); s++) {
            for (int t = 0; t < gold.get(s).size(); t++) {
                if (gold.get(s).get(t).equals(predicted.get(s).get(t))) {
                    right++;
                }
                total++;
            }
        }
        Arguments.require(total > 0, "gold", "must contain at least one token");
        return (double) right / total;
    }

    /** Mean per-tag F1 over every tag that occurs in gold or predictions ({@code O} included). */
    public static double macroF1OverTags(List<List<String>> gold, List<List<String>> predicted) {
        checkAligned(gold, predicted);
        Set<String> tags = new TreeSet<>();
        gold.forEach(tags::addAll);
        predicted.forEach(tags::addAll);
        Map<String, Integer> index = new LinkedHashMap<>();
        for (String tag : tags) {
            index.put(tag, index.size());
        }
        List<Integer> g = new ArrayList<>();
        List<Integer> p = new ArrayList<>();
        for (int s = 0; s < gold.size(); s++) {
            for (int t = 0; t < gold.get(s).size(); t++) {
                g.add(index.get(gold.get(s).get(t)));
                p.add(index.get(predicted.get(s).get(t)));
            }
        }
        Arguments.require(!g.isEmpty(), "gold", "must contain at least one token");
        int[] gi = g.stream().mapToInt(Integer::intValue).toArray();
        int[] pi = p.stream().mapToInt(Integer::intValue).toArray();
        return ClassificationMetrics.macroF1(gi, pi, index.size());
    }

    /** Micro precision, recall and F1 of exact (span and type) entity matches, entities read in seqeval's default mode. */
    public static EntityScores entityScores(List<List<String>> gold, List<List<String>> predicted) {
        checkAligned(gold, predicted);
        Set<Entity> goldEntities = new HashSet<>(entities(gold));
        List<Entity> predictedEntities = entities(predicted);
        long matched = predictedEntities.stream().filter(goldEntities::contains).count();
        double precision = predictedEntities.isEmpty() ? 0.0 : (double) matched / predictedEntities.size();
        double recall = goldEntities.isEmpty() ? 0.0 : (double) matched / goldEntities.size();
        double f1 = precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
        return new EntityScores(precision, recall, f1, matched, predictedEntities.size(), goldEntities.size());
    }

    /** Entity-level micro F1 (see {@link #entityScores}). */
    public static double entityF1(List<List<String>> gold, List<List<String>> predicted) {
        return entityScores(gold, predicted).f1();
    }

    /** The entities of a corpus of BIO-tagged sentences, in order; tags must be {@code O}, {@code B-X} or {@code I-X}. */
    public static List<Entity> entities(List<List<String>> sentences) {
        Arguments.notNull(sentences, "sentences");
        List<Entity> found = new ArrayList<>();
        for (int s = 0; s < sentences.size(); s++) {
            List<String> tags = Arguments.notNull(sentences.get(s), "sentences[" + s + "]");
            String openType = null;
            int openStart = -1;
            for (int t = 0; t < tags.size(); t++) {
                String tag = Arguments.notNull(tags.get(t), "sentences[" + s + "][" + t + "]");
                boolean inside = tag.startsWith("I-");
                boolean begin = tag.startsWith("B-");
                Arguments.require(tag.equals(OUTSIDE) || ((inside || begin) && tag.length() > 2),
                        "sentences[" + s + "][" + t + "]", "tag '" + tag + "' is not O, B-TYPE or I-TYPE");
                String type = tag.equals(OUTSIDE) ? null : tag.substring(2);
                boolean continues = inside && type.equals(openType);
                if (openType != null && !continues) {
                    found.add(new Entity(s, openType, openStart, t - 1));
                    openType = null;
                }
                if (type != null && !continues) {
                    openType = type;
                    openStart = t;
                }
            }
            if (openType != null) {
                found.add(new Entity(s, openType, openStart, tags.size() - 1));
            }
        }
        return List.copyOf(found);
    }

    private static void checkAligned(List<List<String>> gold, List<List<String>> predicted) {
        Arguments.sameNonEmptySize(gold, predicted, "gold", "predicted");
        for (int s = 0; s < gold.size(); s++) {
            List<String> g = Arguments.notNull(gold.get(s), "gold[" + s + "]");
            List<String> p = Arguments.notNull(predicted.get(s), "predicted[" + s + "]");
            Arguments.require(g.size() == p.size(), "predicted[" + s + "]",
                    "has " + p.size() + " tags but gold[" + s + "] has " + g.size());
            for (int t = 0; t < g.size(); t++) {
                Arguments.require(g.get(t) != null, "gold[" + s + "][" + t + "]", "must not be null");
                Arguments.require(p.get(t) != null, "predicted[" + s + "][" + t + "]", "must not be null");
            }
        }
    }
}
