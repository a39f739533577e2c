package io.multitune.fairness.explain;

import io.multitune.evaluation.Arguments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tokens most responsible for a task's most-changed cases. Attributions of the same token (lower-cased) are
 * summed over all cases and occurrences; tokens are ranked by that sum, descending, ties by token. The sum rewards a
 * token that matters strongly and often, which is what "most responsible over these cases" asks; the mean is
 * reported next to it. Tokens without a letter or digit (punctuation) are left out.
 */
public final class TopTokens {

    private TopTokens() {
    }

    /** The k most responsible tokens of the attributions. */
    public static List<TokenImportance> of(List<Attribution> attributions, int k) {
        Arguments.notNull(attributions, "attributions");
        Arguments.require(k >= 0, "k", "must be non-negative, was " + k);
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (Attribution a : attributions) {
            Arguments.notNull(a, "attributions");
            for (int t = 0; t < a.tokens().size(); t++) {
                String token = a.tokens().get(t).toLowerCase(Locale.ROOT);
                if (token.codePoints().noneMatch(Character::isLetterOrDigit)) {
                    continue;
                }
                double[] s = sums.computeIfAbsent(token, x -> new double[2]);
                s[0] += a.scores().get(t);
                s[1] += 1;
            }
        }
        List<TokenImportance> all = new ArrayList<>();
        sums.forEach((token, s) -> all.add(new TokenImportance(token, (int) s[1], s[0], s[0] / s[1])));
        all.sort(Comparator.comparing((TokenImportance t) -> -t.total()).thenComparing(TokenImportance::token));
        return List.copyOf(all.subList(0, Math.min(k, all.size())));
    }
}
