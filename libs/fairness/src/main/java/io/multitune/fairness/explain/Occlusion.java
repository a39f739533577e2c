package io.multitune.fairness.explain;

import io.multitune.evaluation.Arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Token attribution by occlusion: score(t) = p(y|x) − p(y|x'_t), where x'_t is the input with token t removed
 * ({@link #REMOVE}) or replaced by a mask token ({@link #mask(String)}, e.g. the tokenizer's {@code [MASK]}).
 * Removing changes the length the model sees, masking keeps it; METHODS.md allows either. An input of n tokens
 * costs n + 1 model calls; the batch form makes them in one call.
 */
public final class Occlusion {

    /** Leave the token out. */
    public static final Occlusion REMOVE = new Occlusion(null);

    private final String mask;

    private Occlusion(String mask) {
        this.mask = mask;
    }

    /** Replace the token by this mask token. */
    public static Occlusion mask(String mask) {
        Arguments.require(mask != null && !mask.isEmpty(), "mask", "must be a non-empty token");
        return new Occlusion(mask);
    }

    /** The input with token t occluded. */
    public List<String> occlude(List<String> tokens, int t) {
        Arguments.notNull(tokens, "tokens");
        Arguments.require(t >= 0 && t < tokens.size(), "t", "must lie in 0.." + (tokens.size() - 1) + ", was " + t);
        List<String> out = new ArrayList<>(tokens);
        if (mask == null) {
            out.remove(t);
        } else {
            out.set(t, mask);
        }
        return out;
    }

    /** Attributions with one model call per input: {@code probability} gives p(y|tokens). */
    public Attribution attribute(List<String> tokens, ToDoubleFunction<List<String>> probability) {
        checkTokens(tokens);
        Arguments.notNull(probability, "probability");
        double full = checked(probability.applyAsDouble(List.copyOf(tokens)), "probability", 0);
        List<Double> scores = new ArrayList<>(tokens.size());
        for (int t = 0; t < tokens.size(); t++) {
            scores.add(full - checked(probability.applyAsDouble(occlude(tokens, t)), "probability", t + 1));
        }
        return new Attribution(tokens, full, scores);
    }

    /**
     * Attributions with one batched model call: {@code batch} receives n + 1 inputs, the whole input first and then
     * the input with token 0, 1, … occluded, and returns p(y|·) for each.
     */
    public Attribution attributeBatch(List<String> tokens, Function<List<List<String>>, double[]> batch) {
        checkTokens(tokens);
        Arguments.notNull(batch, "batch");
        List<List<String>> inputs = new ArrayList<>(tokens.size() + 1);
        inputs.add(List.copyOf(tokens));
        for (int t = 0; t < tokens.size(); t++) {
            inputs.add(occlude(tokens, t));
        }
        double[] p = batch.apply(List.copyOf(inputs));
        Arguments.require(p != null && p.length == inputs.size(), "batch",
                "must return " + inputs.size() + " probabilities, one per input");
        double full = checked(p[0], "batch", 0);
        List<Double> scores = new ArrayList<>(tokens.size());
        for (int t = 0; t < tokens.size(); t++) {
            scores.add(full - checked(p[t + 1], "batch", t + 1));
        }
        return new Attribution(tokens, full, scores);
    }

    private static void checkTokens(List<String> tokens) {
        Arguments.notNull(tokens, "tokens");
        Arguments.require(!tokens.isEmpty(), "tokens", "must not be empty");
    }

    private static double checked(double p, String argument, int input) {
        Arguments.require(p >= 0 && p <= 1, argument, "gave " + p + " for input " + input + ", outside [0, 1]");
        return p;
    }
}
