package io.multitune.fairness.counterfactual;

import io.multitune.evaluation.Arguments;
import io.multitune.evaluation.stats.BootstrapResult;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Argument checks and formatting shared by the counterfactual inputs. */
final class Checks {

    private Checks() {
    }

    static void probabilities(double[] p, String name) {
        for (int i = 0; i < p.length; i++) {
            Arguments.require(p[i] >= 0 && p[i] <= 1, name, "value " + p[i] + " at " + i + " is outside [0, 1]");
        }
    }

    static void nonNegative(int[] labels, String name) {
        for (int i = 0; i < labels.length; i++) {
            Arguments.require(labels[i] >= 0, name, "label " + labels[i] + " at " + i + " is negative");
        }
    }

    /** Fails when two pairs of one source disagree on a figure of the source itself. */
    static void constantPerSource(int[] source, double[] value, String name) {
        Map<Integer, Integer> firstPair = new HashMap<>();
        for (int i = 0; i < source.length; i++) {
            Integer first = firstPair.putIfAbsent(source[i], i);
            if (first != null) {
                Arguments.require(Double.compare(value[first], value[i]) == 0, name, "pairs " + first + " and " + i
                        + " share source " + source[i] + " but give " + value[first] + " and " + value[i]);
            }
        }
    }

    static int distinct(int[] source) {
        return (int) java.util.Arrays.stream(source).distinct().count();
    }

    static String interval(BootstrapResult r) {
        return String.format(Locale.ROOT, "[%.4f, %.4f]", r.lower(), r.upper());
    }
}
