package io.multitune.fairness.gate;

import io.multitune.evaluation.gate.Check;
import io.multitune.evaluation.gate.Verdict;
import io.multitune.evaluation.stats.BootstrapResult;
import io.multitune.events.RunRequest;
import io.multitune.events.TaskType;
import io.multitune.fairness.BiasMetric;
import io.multitune.fairness.counterfactual.FlipStatistics;
import io.multitune.fairness.counterfactual.TagFlipStatistics;
import io.multitune.fairness.counterfactual.ValueChangeStatistics;
import io.multitune.fairness.group.Disparity;
import io.multitune.fairness.group.GroupFigures;
import io.multitune.fairness.group.GroupReport;
import io.multitune.fairness.transfer.TransferFigure;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BiasGateCheckTest {

    static BootstrapResult ci(double observed, double lower, double upper) {
        return new BootstrapResult(observed, lower, upper, 0, 1000, 0.05, 1);
    }

    static final BootstrapResult NAN = ci(Double.NaN, Double.NaN, Double.NaN);

    static FlipStatistics flips(double rate) {
        return new FlipStatistics(100, 50, (int) Math.round(rate * 100), rate, ci(rate, 0, rate * 2), 0.02,
                ci(0.02, 0.01, 0.03), 0.4, ci(0.4, 0.2, 0.4));
    }

    static GroupReport groups(String attribute, Disparity dp, Disparity eo) {
        GroupFigures f = new GroupFigures("f", 40, true, 0.9, ci(0.9, 0.8, 1), 0.85, ci(0.85, 0.7, 1), List.of());
        GroupFigures m = new GroupFigures("m", 45, true, 0.8, ci(0.8, 0.7, 0.9), 0.75, ci(0.75, 0.6, 0.9), List.of());
        return new GroupReport(attribute, 2, List.of(1), 30, 85, 0, List.of(f, m), List.of(), dp, eo, List.of());
    }

    static Disparity dp(double value) {
        return new Disparity(BiasMetric.DEMOGRAPHIC_PARITY, value, 1, "selection-rate", "f", "m",
                ci(value, value / 2, value * 2));
    }

    static Disparity eo(double value) {
        return new Disparity(BiasMetric.EQUALIZED_ODDS, value, 1, "tpr", "m", "f", ci(value, value / 2, value * 2));
    }

    static TransferFigure transfer(String task, BiasMetric metric, String attribute, double mtl, double base,
                                   double lower, double upper) {
        return new TransferFigure(task, metric, attribute, mtl, base, ci(mtl - base, lower, upper), true);
    }

    static Map<String, Check> byName(Verdict v) {
        return v.checks().stream().collect(Collectors.toMap(Check::name, Function.identity()));
    }

    @Test
    void everyCheckIsMadeAndReportedWithItsFigures() {
        TaskBias sst = TaskBias.audited("sst", TaskType.TEXT_CLASSIFICATION, flips(0.04),
                List.of(groups("gender", dp(0.08), eo(0.12))),
                List.of(transfer("sst", BiasMetric.FLIP_RATE, null, 0.04, 0.03, -0.01, 0.03),
                        transfer("sst", BiasMetric.MEAN_PROB_CHANGE, null, 0.05, 0.02, 0.01, 0.05),
                        transfer("sst", BiasMetric.MAX_PROB_CHANGE, null, 0.6, 0.4, 0.0, 0.3),
                        transfer("sst", BiasMetric.DEMOGRAPHIC_PARITY, "gender", 0.08, 0.07, -0.02, 0.04)),
                BaselineStatus.PRESENT);
        TaskBias squad = TaskBias.notAudited("squad", TaskType.EXTRACTIVE_QA);
        ValueChangeStatistics stsFigures = new ValueChangeStatistics(10, 5, 0.3, ci(0.3, 0.2, 0.4), 0.9,
                ci(0.9, 0.5, 0.9));
        TaskBias sts = TaskBias.audited("sts", TaskType.REGRESSION, stsFigures, List.of(), List.of(),
                BaselineStatus.MISSING);
        TagFlipStatistics nerFigures = new TagFlipStatistics(20, 1, 10, 200, 0.1, ci(0.1, 0.05, 0.2), 0.01,
                ci(0.01, 0.0, 0.02), 0.01, ci(0.01, 0.0, 0.02), 0.3, ci(0.3, 0.1, 0.3));
        TaskBias ner = TaskBias.audited("ner", TaskType.TOKEN_CLASSIFICATION, nerFigures, List.of(), List.of(),
                BaselineStatus.NOT_REQUESTED);

        Verdict v = BiasGateCheck.evaluate((RunRequest.BiasGate) null, List.of(sst, squad, sts, ner));
        assertFalse(v.pass());
        assertEquals(List.of("counterfactual-flip:sst", "demographic-parity:sst:gender", "equalized-odds:sst:gender",
                "increase-over-baseline:sst:counterfactual-flip-rate",
                "increase-over-baseline:sst:counterfactual-mean-prob-change",
                "increase-over-baseline:sst:counterfactual-max-prob-change",
                "increase-over-baseline:sst:demographic-parity:gender",
                "not-audited:squad",
                "counterfactual-flip:sts", "increase-over-baseline:sts",
                "counterfactual-flip:ner", "increase-over-baseline:ner"),
                v.checks().stream().map(Check::name).toList());
        Map<String, Check> c = byName(v);
        // 0.04 ≤ 0.05
        assertTrue(c.get("counterfactual-flip:sst").passed());
        assertTrue(c.get("counterfactual-flip:sst").detail().contains("flip rate 0.0400"));
        // 0.08 ≤ 0.1; 0.12 > 0.1
        assertTrue(c.get("demographic-parity:sst:gender").passed());
        Check eo = c.get("equalized-odds:sst:gender");
        assertFalse(eo.passed());
        assertTrue(eo.detail().contains("equalized odds difference 0.1200") && eo.detail().contains("above the"
                + " maximum 0.1000"), eo.detail());
        // +0.01 ≤ 0.02, interval includes 0; +0.03 > 0.02, interval [0.01, 0.05] excludes 0
        Check flipIncrease = c.get("increase-over-baseline:sst:counterfactual-flip-rate");
        assertTrue(flipIncrease.passed());
        assertTrue(flipIncrease.detail().contains("the interval includes 0"), flipIncrease.detail());
        Check meanIncrease = c.get("increase-over-baseline:sst:counterfactual-mean-prob-change");
        assertFalse(meanIncrease.passed());
        assertTrue(meanIncrease.detail().contains("difference +0.0300") && meanIncrease.detail()
                .contains("the interval excludes 0") && meanIncrease.detail().contains("(paired)"),
                meanIncrease.detail());
        // A maximum is reported, not gated, even at +0.2.
        Check max = c.get("increase-over-baseline:sst:counterfactual-max-prob-change");
        assertTrue(max.passed());
        assertTrue(max.detail().startsWith("not gated"), max.detail());
        assertTrue(c.get("increase-over-baseline:sst:demographic-parity:gender").passed());
        // Not audited: listed, passing, with the reason.
        Check qa = c.get("not-audited:squad");
        assertTrue(qa.passed());
        assertTrue(qa.detail().startsWith("not audited: extractive QA is not audited"), qa.detail());
        // Regression: no flip threshold applies; a missing baseline fails.
        assertTrue(c.get("counterfactual-flip:sts").passed());
        assertTrue(c.get("counterfactual-flip:sts").detail().startsWith("not gated"));
        assertFalse(c.get("increase-over-baseline:sts").passed());
        // Tagging: sequence flip rate 0.1 > 0.05; no baseline requested → information.
        assertFalse(c.get("counterfactual-flip:ner").passed());
        assertTrue(c.get("increase-over-baseline:ner").passed());
        assertTrue(c.get("increase-over-baseline:ner").detail().startsWith("not measured"));

        assertEquals(List.of(eo.detail(), meanIncrease.detail(), c.get("increase-over-baseline:sts").detail(),
                c.get("counterfactual-flip:ner").detail()), v.reasons());
    }

    @Test
    void unmeasuredFiguresPassVisiblyAndThresholdsComeFromTheRequest() {
        Disparity undefinedDp = new Disparity(BiasMetric.DEMOGRAPHIC_PARITY, Double.NaN, -1, null, null, null, NAN);
        Disparity undefinedEo = new Disparity(BiasMetric.EQUALIZED_ODDS, Double.NaN, -1, null, null, null, NAN);
        TaskBias t = TaskBias.audited("sst", TaskType.TEXT_CLASSIFICATION, null,
                List.of(groups("age", undefinedDp, undefinedEo)),
                List.of(new TransferFigure("sst", BiasMetric.EQUALIZED_ODDS, "age", Double.NaN, 0.1, NAN, true)),
                BaselineStatus.PRESENT);
        Verdict v = BiasGateCheck.evaluate(new RunRequest.BiasGate(null, null, null, null), List.of(t));
        assertTrue(v.pass(), v.toString());
        Map<String, Check> c = byName(v);
        assertTrue(c.get("counterfactual-flip:sst").detail().startsWith("not measured"));
        assertTrue(c.get("demographic-parity:sst:age").detail().startsWith("not measured")
                && c.get("demographic-parity:sst:age").detail().contains("f (n=40), m (n=45)"));
        assertTrue(c.get("increase-over-baseline:sst:equalized-odds:age").detail().startsWith("not measured"));

        // A stricter request turns a passing flip rate into a failure.
        TaskBias strict = TaskBias.audited("sst", TaskType.TEXT_CLASSIFICATION, flips(0.04), List.of(), List.of(),
                BaselineStatus.NOT_REQUESTED);
        assertTrue(BiasGateCheck.evaluate((RunRequest.BiasGate) null, List.of(strict)).pass());
        assertFalse(BiasGateCheck.evaluate(new RunRequest.BiasGate(null, null, 0.03, null), List.of(strict)).pass());
    }

    @Test
    void thresholdsTakeDefaultsAndRefuseNonsense() {
        assertEquals(new BiasThresholds(0.1, 0.1, 0.05, 0.02), BiasThresholds.of(null));
        assertEquals(new BiasThresholds(0.2, 0.1, 0.05, 0.02),
                BiasThresholds.of(new RunRequest.BiasGate(0.2, null, null, null)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BiasThresholds.of(new RunRequest.BiasGate(null, 1.5, null, null)));
        assertTrue(e.getMessage().startsWith("maxEqualizedOddsDifference:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BiasThresholds(0.1, 0.1, 0.05, -0.01));
    }

    @Test
    void badTaskListsAreRefused() {
        assertEquals("tasks: must hold at least one task", assertThrows(IllegalArgumentException.class,
                () -> BiasGateCheck.evaluate((RunRequest.BiasGate) null, List.of())).getMessage());
        TaskBias qa = TaskBias.notAudited("squad", TaskType.EXTRACTIVE_QA);
        assertThrows(IllegalArgumentException.class,
                () -> BiasGateCheck.evaluate((RunRequest.BiasGate) null, List.of(qa, qa)));
        assertThrows(IllegalArgumentException.class, () -> TaskBias.audited("squad", TaskType.EXTRACTIVE_QA, null,
                List.of(), List.of(), BaselineStatus.PRESENT));
        assertThrows(IllegalArgumentException.class, () -> TaskBias.notAudited("sst", TaskType.TEXT_CLASSIFICATION));
        // Regression figures for a classification task are a mistake of the caller.
        ValueChangeStatistics values = new ValueChangeStatistics(1, 1, 0, ci(0, 0, 0), 0, ci(0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> TaskBias.audited("sst", TaskType.TEXT_CLASSIFICATION,
                values, List.of(), List.of(), BaselineStatus.PRESENT));
        assertThrows(IllegalArgumentException.class, () -> TaskBias.audited("sst", TaskType.TEXT_CLASSIFICATION,
                null, List.of(), List.of(transfer("other", BiasMetric.FLIP_RATE, null, 0, 0, 0, 0)),
                BaselineStatus.PRESENT));
    }
}
