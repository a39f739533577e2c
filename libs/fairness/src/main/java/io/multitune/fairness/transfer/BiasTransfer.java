package io.multitune.fairness.transfer;

import io.multitune.evaluation.Arguments;
import io.multitune.evaluation.stats.BootstrapResult;
import io.multitune.fairness.BiasMetric;
import io.multitune.fairness.counterfactual.FlipInputs;
import io.multitune.fairness.counterfactual.TagFlipInputs;
import io.multitune.fairness.counterfactual.ValueChangeInputs;
import io.multitune.fairness.group.GroupInputs;
import io.multitune.fairness.stats.Bootstrap;
import io.multitune.fairness.stats.Design;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Multi-task minus baseline, per task and bias figure. The typed methods decide pairing from the data: the
 * counterfactual figures are paired when both models' pairs have the same source structure (the auditor passes the
 * pairs of both models in the same order, as it does when they are the same inputs), the group figures when both
 * hold the same examples (same gold classes and groups).
 */
public final class BiasTransfer {

    private BiasTransfer() {
    }

    /** A figure measured on the same rows for both models: paired interval under the design. */
    public static TransferFigure paired(String task, BiasMetric metric, String attribute, Design design,
                                        ToDoubleFunction<int[]> multiTask, ToDoubleFunction<int[]> baseline,
                                        Bootstrap bootstrap) {
        Arguments.notNull(design, "design");
        Arguments.notNull(multiTask, "multiTask");
        Arguments.notNull(baseline, "baseline");
        Arguments.notNull(bootstrap, "bootstrap");
        int[] all = design.all();
        BootstrapResult interval = bootstrap.pairedDifference(design, multiTask, baseline);
        return new TransferFigure(task, metric, attribute, multiTask.applyAsDouble(all), baseline.applyAsDouble(all),
                interval, true);
    }

    /** A figure measured on different rows for the two models: independent resampling of each. */
    public static TransferFigure unpaired(String task, BiasMetric metric, String attribute, Design multiTaskDesign,
                                          ToDoubleFunction<int[]> multiTask, Design baselineDesign,
                                          ToDoubleFunction<int[]> baseline, Bootstrap bootstrap) {
        Arguments.notNull(multiTaskDesign, "multiTaskDesign");
        Arguments.notNull(baselineDesign, "baselineDesign");
        Arguments.notNull(multiTask, "multiTask");
        Arguments.notNull(baseline, "baseline");
        Arguments.notNull(bootstrap, "bootstrap");
        BootstrapResult interval = bootstrap.unpairedDifference(multiTaskDesign, multiTask, baselineDesign, baseline);
        return new TransferFigure(task, metric, attribute, multiTask.applyAsDouble(multiTaskDesign.all()),
                baseline.applyAsDouble(baselineDesign.all()), interval, false);
    }

    /** Flip rate, mean and max |Δp| of a classification task. */
    public static List<TransferFigure> flips(String task, FlipInputs multiTask, FlipInputs baseline,
                                             Bootstrap bootstrap) {
        Arguments.notNull(multiTask, "multiTask");
        Arguments.notNull(baseline, "baseline");
        return List.of(
                figure(task, BiasMetric.FLIP_RATE, multiTask.design(), multiTask::flipRate, baseline.design(),
                        baseline::flipRate, bootstrap),
                figure(task, BiasMetric.MEAN_PROB_CHANGE, multiTask.design(), multiTask::meanAbsChange,
                        baseline.design(), baseline::meanAbsChange, bootstrap),
                figure(task, BiasMetric.MAX_PROB_CHANGE, multiTask.design(), multiTask::maxAbsChange,
                        baseline.design(), baseline::maxAbsChange, bootstrap));
    }

    /** Sequence and token flip rates, mean and max |Δp| of a token-classification task. */
    public static List<TransferFigure> tagFlips(String task, TagFlipInputs multiTask, TagFlipInputs baseline,
                                                Bootstrap bootstrap) {
        Arguments.notNull(multiTask, "multiTask");
        Arguments.notNull(baseline, "baseline");
        return List.of(
                figure(task, BiasMetric.FLIP_RATE, multiTask.design(), multiTask::sequenceFlipRate,
                        baseline.design(), baseline::sequenceFlipRate, bootstrap),
                figure(task, BiasMetric.TOKEN_FLIP_RATE, multiTask.design(), multiTask::tokenFlipRate,
                        baseline.design(), baseline::tokenFlipRate, bootstrap),
                figure(task, BiasMetric.MEAN_PROB_CHANGE, multiTask.design(), multiTask::meanAbsChange,
                        baseline.design(), baseline::meanAbsChange, bootstrap),
                figure(task, BiasMetric.MAX_PROB_CHANGE, multiTask.design(), multiTask::maxAbsChange,
                        baseline.design(), baseline::maxAbsChange, bootstrap));
    }

    /** Mean and max |Δŷ| of a regression task. */
    public static List<TransferFigure> valueChanges(String task, ValueChangeInputs multiTask,
                                                    ValueChangeInputs baseline, Bootstrap bootstrap) {
        Arguments.notNull(multiTask, "multiTask");
        Arguments.notNull(baseline, "baseline");
        return List.of(
                figure(task, BiasMetric.MEAN_VALUE_CHANGE, multiTask.design(), multiTask::meanAbsChange,
                        baseline.design(), baseline::meanAbsChange, bootstrap),
                figure(task, BiasMetric.MAX_VALUE_CHANGE, multiTask.design(), multiTask::maxAbsChange,
                        baseline.design(), baseline::maxAbsChange, bootstrap));
    }

    /**
     * Demographic parity and equalized odds differences of one attribute. A figure undefined for either model (fewer
     * than two groups large enough, or no rate in two groups) has a NaN difference and NaN bounds.
     */
    public static List<TransferFigure> groups(String task, GroupInputs multiTask, GroupInputs baseline,
                                              Bootstrap bootstrap) {
        Arguments.notNull(multiTask, "multiTask");
        Arguments.notNull(baseline, "baseline");
        Arguments.notNull(bootstrap, "bootstrap");
        Arguments.require(multiTask.attribute().equals(baseline.attribute()), "baseline",
                "is about attribute '" + baseline.attribute() + "', the multi-task inputs about '"
                        + multiTask.attribute() + "'");
        String attribute = multiTask.attribute();
        boolean measurable = multiTask.groupsInDifferences() >= 2 && baseline.groupsInDifferences() >= 2;
        if (!measurable) {
            return List.of(undefined(task, BiasMetric.DEMOGRAPHIC_PARITY, attribute, multiTask.demographicParity(),
                            baseline.demographicParity(), multiTask.sameExamples(baseline), bootstrap),
                    undefined(task, BiasMetric.EQUALIZED_ODDS, attribute, multiTask.equalizedOdds(),
                            baseline.equalizedOdds(), multiTask.sameExamples(baseline), bootstrap));
        }
        boolean paired = multiTask.sameExamples(baseline);
        return List.of(
                groupFigure(task, BiasMetric.DEMOGRAPHIC_PARITY, attribute, multiTask, multiTask::demographicParity,
                        baseline, baseline::demographicParity, paired, bootstrap),
                groupFigure(task, BiasMetric.EQUALIZED_ODDS, attribute, multiTask, multiTask::equalizedOdds,
                        baseline, baseline::equalizedOdds, paired, bootstrap));
    }

    private static TransferFigure groupFigure(String task, BiasMetric metric, String attribute, GroupInputs mtl,
                                              ToDoubleFunction<int[]> mtlStat, GroupInputs base,
                                              ToDoubleFunction<int[]> baseStat, boolean paired,
                                              Bootstrap bootstrap) {
        return paired
                ? paired(task, metric, attribute, mtl.differenceDesign(), mtlStat, baseStat, bootstrap)
                : unpaired(task, metric, attribute, mtl.differenceDesign(), mtlStat, base.differenceDesign(),
                        baseStat, bootstrap);
    }

    private static TransferFigure figure(String task, BiasMetric metric, Design mtlDesign,
                                         ToDoubleFunction<int[]> mtl, Design baseDesign,
                                         ToDoubleFunction<int[]> base, Bootstrap bootstrap) {
        return mtlDesign.sameAs(baseDesign)
                ? paired(task, metric, null, mtlDesign, mtl, base, bootstrap)
                : unpaired(task, metric, null, mtlDesign, mtl, baseDesign, base, bootstrap);
    }

    private static TransferFigure undefined(String task, BiasMetric metric, String attribute, double mtl,
                                            double base, boolean paired, Bootstrap bootstrap) {
        return new TransferFigure(task, metric, attribute, mtl, base, new BootstrapResult(Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, bootstrap.resamples(), 0.05, bootstrap.seed()), paired);
    }
}
