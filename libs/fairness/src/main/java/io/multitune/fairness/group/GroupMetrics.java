package io.multitune.fairness.group;

import io.multitune.evaluation.Arguments;
import io.multitune.evaluation.metrics.ClassificationMetrics;
import io.multitune.evaluation.stats.BootstrapResult;
import io.multitune.evaluation.stats.Resamples;
import io.multitune.fairness.BiasMetric;
import io.multitune.fairness.stats.Bootstrap;
import io.multitune.fairness.stats.Design;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Computes a {@link GroupReport}: per group n, accuracy and macro-F1 (the evaluation library's
 * {@link ClassificationMetrics}) with intervals, selection rate, TPR and FPR of each evaluated class; then the
 * demographic parity and equalized odds differences over the groups large enough, with intervals. Definitions and
 * conventions are in the package doc.
 */
public final class GroupMetrics {

    private GroupMetrics() {
    }

    /** The report of validated inputs under a bootstrap. */
    public static GroupReport of(GroupInputs inputs, Bootstrap bootstrap) {
        Arguments.notNull(inputs, "inputs");
        Arguments.notNull(bootstrap, "bootstrap");
        int k = inputs.numClasses();
        List<String> notes = new ArrayList<>();
        List<GroupFigures> figures = new ArrayList<>();
        for (int g = 0; g < inputs.groupNames().size(); g++) {
            figures.add(groupFigures(inputs, g, bootstrap, notes));
        }
        if (inputs.missing() > 0) {
            notes.add(String.format(Locale.ROOT, "%d of %d examples lack attribute '%s' and are left out",
                    inputs.missing(), inputs.examples(), inputs.attribute()));
        }
        Disparity dp;
        Disparity eo;
        List<ClassDisparity> perClass;
        Design design = inputs.differenceDesign();
        if (inputs.groupsInDifferences() < 2) {
            notes.add(String.format(Locale.ROOT, "fewer than two groups have at least %d examples: the differences"
                    + " are not defined", inputs.options().minGroupSize()));
            perClass = design == null ? List.of() : inputs.gaps(design.all()).perClass();
            dp = undefined(BiasMetric.DEMOGRAPHIC_PARITY, bootstrap);
            eo = undefined(BiasMetric.EQUALIZED_ODDS, bootstrap);
        } else {
            GroupInputs.Gaps gaps = inputs.gaps(design.all());
            perClass = gaps.perClass();
            dp = disparity(BiasMetric.DEMOGRAPHIC_PARITY, gaps.demographicParity(), inputs,
                    bootstrap.interval(design, inputs::demographicParity));
            eo = disparity(BiasMetric.EQUALIZED_ODDS, gaps.equalizedOdds(), inputs,
                    bootstrap.interval(design, inputs::equalizedOdds));
            if (!eo.defined()) {
                notes.add("no class has a TPR or FPR in two groups: the equalized odds difference is not defined");
            }
        }
        List<Integer> evaluated = Arrays.stream(inputs.evaluatedClasses()).boxed().toList();
        return new GroupReport(inputs.attribute(), k, evaluated, inputs.options().minGroupSize(),
                inputs.examples() - inputs.missing(), inputs.missing(), figures, perClass, dp, eo, notes);
    }

    /** The report of the arrays (see {@link GroupInputs#of}), with 1000 resamples under this seed. */
    public static GroupReport of(String attribute, List<String> groupOf, int[] gold, int[] predicted, int numClasses,
                                 GroupOptions options, long seed) {
        return of(GroupInputs.of(attribute, groupOf, gold, predicted, numClasses, options), new Bootstrap(seed));
    }

    /** One report per attribute that some example carries, reading the groups from the examples' maps. */
    public static List<GroupReport> ofAllAttributes(List<Map<String, String>> groups, int[] gold, int[] predicted,
                                                    int numClasses, GroupOptions options, Bootstrap bootstrap) {
        List<GroupReport> reports = new ArrayList<>();
        for (String attribute : GroupInputs.attributes(groups)) {
            reports.add(of(GroupInputs.fromGroupMaps(attribute, groups, gold, predicted, numClasses, options),
                    bootstrap));
        }
        return List.copyOf(reports);
    }

    private static GroupFigures groupFigures(GroupInputs inputs, int g, Bootstrap bootstrap, List<String> notes) {
        int k = inputs.numClasses();
        int[] rows = inputs.rowsOf(g);
        int[] gold = new int[rows.length];
        int[] predicted = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            gold[r] = inputs.gold(rows[r]);
            predicted[r] = inputs.predicted(rows[r]);
        }
        Design design = Design.strata(gold);
        double accuracy = ClassificationMetrics.accuracy(gold, predicted);
        BootstrapResult accuracyInterval = bootstrap.interval(design, idx -> ClassificationMetrics.accuracy(
                Resamples.select(gold, idx), Resamples.select(predicted, idx)));
        double macroF1 = ClassificationMetrics.macroF1(gold, predicted, k);
        BootstrapResult macroF1Interval = bootstrap.interval(design, idx -> ClassificationMetrics.macroF1(
                Resamples.select(gold, idx), Resamples.select(predicted, idx), k));
        List<ClassRates> rates = new ArrayList<>();
        String name = inputs.groupNames().get(g);
        for (int c : inputs.evaluatedClasses()) {
            long support = 0;
            long chosen = 0;
            long truePositives = 0;
            for (int r = 0; r < rows.length; r++) {
                support += gold[r] == c ? 1 : 0;
                chosen += predicted[r] == c ? 1 : 0;
                truePositives += gold[r] == c && predicted[r] == c ? 1 : 0;
            }
            long negatives = rows.length - support;
            rates.add(new ClassRates(c, (double) chosen / rows.length,
                    support == 0 ? Double.NaN : (double) truePositives / support,
                    negatives == 0 ? Double.NaN : (double) (chosen - truePositives) / negatives));
            if (inputs.inDifferences(g) && (support == 0 || negatives == 0)) {
                notes.add(String.format(Locale.ROOT, "group '%s' has %s of class %d: its %s is undefined and it is"
                                + " left out of that gap", name, support == 0 ? "no example" : "only examples", c,
                        support == 0 ? "TPR" : "FPR"));
            }
        }
        if (!inputs.inDifferences(g)) {
            notes.add(String.format(Locale.ROOT, "group '%s' has %d example(s), fewer than %d: reported, left out of"
                    + " the differences", name, rows.length, inputs.options().minGroupSize()));
        }
        return new GroupFigures(name, rows.length, inputs.inDifferences(g), accuracy, accuracyInterval, macroF1,
                macroF1Interval, rates);
    }

    private static Disparity disparity(BiasMetric metric, GroupInputs.Gap gap, GroupInputs inputs,
                                       BootstrapResult interval) {
        if (Double.isNaN(gap.value())) {
            return new Disparity(metric, Double.NaN, -1, null, null, null, interval);
        }
        return new Disparity(metric, gap.value(), gap.label(), gap.component(),
                inputs.groupNames().get(gap.maxGroup()), inputs.groupNames().get(gap.minGroup()), interval);
    }

    private static Disparity undefined(BiasMetric metric, Bootstrap bootstrap) {
        return new Disparity(metric, Double.NaN, -1, null, null, null, new BootstrapResult(Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, bootstrap.resamples(), 0.05, bootstrap.seed()));
    }
}
