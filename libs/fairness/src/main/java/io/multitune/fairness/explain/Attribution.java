package io.multitune.fairness.explain;

import io.multitune.evaluation.Arguments;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Occlusion attributions of one input.
 *
 * @param tokens      the input's tokens
 * @param probability p(y|x) on the whole input
 * @param scores      per token t, p(y|x) − p(y|x without t)
 */
public record Attribution(List<String> tokens, double probability, List<Double> scores) {

    /** Checks the lengths and copies the lists. */
    public Attribution {
        Arguments.notNull(tokens, "tokens");
        Arguments.notNull(scores, "scores");
        Arguments.sameNonEmptySize(tokens, scores, "tokens", "scores");
        tokens = List.copyOf(tokens);
        scores = List.copyOf(scores);
    }

    /** Indices of the k tokens with the largest attribution, ties by position. */
    public int[] top(int k) {
        Arguments.require(k >= 0, "k", "must be non-negative, was " + k);
        return IntStream.range(0, tokens.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> -scores.get(i)).thenComparing(i -> i))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }
}
