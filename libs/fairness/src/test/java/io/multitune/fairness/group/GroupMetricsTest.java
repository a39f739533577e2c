package io.multitune.fairness.group;

import io.multitune.fairness.BiasMetric;
import io.multitune.fairness.stats.Bootstrap;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupMetricsTest {

    private static final GroupOptions ANY_SIZE = GroupOptions.withMinGroupSize(1);

    // Binary task, positive class 1 (Fairlearn's pos_label).
    //   group a: gold 1 1 0 0, predicted 1 0 1 0
    //     selection rate = 2/4 = 0.5; TPR = 1/2 = 0.5; FPR = 1/2 = 0.5; accuracy = 2/4 = 0.5
    //     F1 class 1: P = 1/2, R = 1/2 → 0.5; class 0: P = 1/2, R = 1/2 → 0.5; macro-F1 = 0.5
    //   group b: gold 1 1 1 0 0 0, predicted 1 1 1 1 0 0
    //     selection rate = 4/6; TPR = 3/3 = 1; FPR = 1/3; accuracy = 5/6
    //     F1 class 1: P = 3/4, R = 1 → 1.5/1.75 = 6/7; class 0: P = 2/2, R = 2/3 → (4/3)/(5/3) = 0.8;
    //     macro-F1 = (6/7 + 0.8)/2 = 0.8285714…
    //   demographic parity difference = 4/6 − 2/4 = 1/6 (b highest, a lowest)
    //   equalized odds difference = max(1 − 0.5, 0.5 − 1/3) = max(0.5, 1/6) = 0.5, the TPR gap (b highest, a lowest)
    static final List<String> BINARY_GROUPS = List.of("a", "a", "a", "a", "b", "b", "b", "b", "b", "b");
    static final int[] BINARY_GOLD = {1, 1, 0, 0, 1, 1, 1, 0, 0, 0};
    static final int[] BINARY_PREDICTED = {1, 0, 1, 0, 1, 1, 1, 1, 0, 0};

    @Test
    void binaryFiguresMatchTheHandComputation() {
        GroupReport r = GroupMetrics.of("g", BINARY_GROUPS, BINARY_GOLD, BINARY_PREDICTED, 2, ANY_SIZE, 9);
        assertEquals(List.of(1), r.evaluatedClasses());
        GroupFigures a = r.groups().get(0);
        GroupFigures b = r.groups().get(1);
        assertEquals("a", a.group());
        assertEquals(4, a.n());
        assertEquals(0.5, a.accuracy(), 1e-12);
        assertEquals(0.5, a.macroF1(), 1e-12);
        assertEquals(new ClassRates(1, 0.5, 0.5, 0.5), a.rates().get(0));
        assertEquals(6, b.n());
        assertEquals(5.0 / 6, b.accuracy(), 1e-12);
        assertEquals((6.0 / 7 + 0.8) / 2, b.macroF1(), 1e-12);
        assertEquals(4.0 / 6, b.rates().get(0).selectionRate(), 1e-12);
        assertEquals(1.0, b.rates().get(0).truePositiveRate(), 1e-12);
        assertEquals(1.0 / 3, b.rates().get(0).falsePositiveRate(), 1e-12);
        assertTrue(b.accuracyInterval().lower() <= 5.0 / 6 && 5.0 / 6 <= b.accuracyInterval().upper());

        Disparity dp = r.demographicParity();
        assertEquals(BiasMetric.DEMOGRAPHIC_PARITY, dp.metric());
        assertEquals(1.0 / 6, dp.value(), 1e-12);
        assertEquals(1, dp.label());
        assertEquals("selection-rate", dp.component());
        assertEquals("b", dp.maxGroup());
        assertEquals("a", dp.minGroup());
        assertTrue(dp.interval().lower() <= 1.0 / 6 && 1.0 / 6 <= dp.interval().upper(), dp.toString());
        Disparity eo = r.equalizedOdds();
        assertEquals(0.5, eo.value(), 1e-12);
        assertEquals("tpr", eo.component());
        assertEquals("b", eo.maxGroup());
        assertEquals("a", eo.minGroup());
        assertEquals(1, r.perClass().get(0).label());
        assertEquals(0.5, r.perClass().get(0).tprGap(), 1e-12);
        assertEquals(0.5 - 1.0 / 3, r.perClass().get(0).fprGap(), 1e-12);
        assertEquals(10, r.examples());
        assertEquals(0, r.missing());
        assertTrue(r.notes().isEmpty(), r.notes().toString());
    }

    @Test
    void binaryDifferencesDoNotDependOnThePositiveClass() {
        // Selection rates of class 0 are 1 − those of class 1, and TPR(0) = 1 − FPR(1): the gaps are the same.
        GroupReport zero = GroupMetrics.of("g", BINARY_GROUPS, BINARY_GOLD, BINARY_PREDICTED, 2,
                new GroupOptions(1, OptionalInt.of(0)), 9);
        assertEquals(List.of(0), zero.evaluatedClasses());
        assertEquals(1.0 / 6, zero.demographicParity().value(), 1e-12);
        assertEquals(0.5, zero.equalizedOdds().value(), 1e-12);
        assertEquals("fpr", zero.equalizedOdds().component());
    }

    @Test
    void multiclassTakesTheLargestOneVsRestGapAndNamesTheClass() {
        // Three classes, one against the rest.
        //   x: gold 0 1 2 0, predicted 0 1 1 2     y: gold 0 1 2 2, predicted 0 0 2 2
        //   selection rates x: c0 1/4, c1 2/4, c2 1/4;  y: c0 2/4, c1 0, c2 2/4
        //     → DP gaps c0 0.25, c1 0.5, c2 0.25: DPD = 0.5, class 1, x highest, y lowest
        //   TPR x: c0 1/2, c1 1/1, c2 0/1;  y: c0 1/1, c1 0/1, c2 2/2  → gaps 0.5, 1, 1
        //   FPR x: c0 0/2, c1 1/3, c2 1/3;  y: c0 1/3, c1 0/3, c2 0/2  → gaps 1/3, 1/3, 1/3
        //   EO per class: 0.5, 1, 1 → EOD = 1, first reached at class 1 (TPR: x 1, y 0)
        List<String> groups = List.of("x", "x", "x", "x", "y", "y", "y", "y");
        int[] gold = {0, 1, 2, 0, 0, 1, 2, 2};
        int[] predicted = {0, 1, 1, 2, 0, 0, 2, 2};
        GroupReport r = GroupMetrics.of("g", groups, gold, predicted, 3, ANY_SIZE, 4);
        assertEquals(List.of(0, 1, 2), r.evaluatedClasses());
        assertEquals(0.5, r.demographicParity().value(), 1e-12);
        assertEquals(1, r.demographicParity().label());
        assertEquals("x", r.demographicParity().maxGroup());
        assertEquals("y", r.demographicParity().minGroup());
        assertEquals(1.0, r.equalizedOdds().value(), 1e-12);
        assertEquals(1, r.equalizedOdds().label());
        assertEquals("tpr", r.equalizedOdds().component());
        assertEquals("x", r.equalizedOdds().maxGroup());
        double[] dp = r.perClass().stream().mapToDouble(ClassDisparity::demographicParity).toArray();
        assertEquals(Arrays.toString(new double[] {0.25, 0.5, 0.25}), Arrays.toString(dp));
        double[] fpr = r.perClass().stream().mapToDouble(ClassDisparity::fprGap).toArray();
        for (double f : fpr) {
            assertEquals(1.0 / 3, f, 1e-12);
        }
        assertEquals(0.5, r.perClass().get(0).equalizedOdds(), 1e-12);
    }

    @Test
    void smallGroupsAreReportedButLeftOutOfTheDifferences() {
        // Group c (2 examples, both predicted 1) would raise the DP gap to 1 − 0.5; with minimum size 3 it is left out.
        List<String> groups = new ArrayList<>(BINARY_GROUPS);
        groups.addAll(List.of("c", "c"));
        int[] gold = Arrays.copyOf(BINARY_GOLD, 12);
        int[] predicted = Arrays.copyOf(BINARY_PREDICTED, 12);
        predicted[10] = 1;
        predicted[11] = 1;
        GroupReport r = GroupMetrics.of("g", groups, gold, predicted, 2, GroupOptions.withMinGroupSize(3), 9);
        GroupFigures c = r.groups().get(2);
        assertEquals("c", c.group());
        assertFalse(c.inDifferences());
        assertEquals(1.0, c.rates().get(0).selectionRate(), 0);
        assertEquals(List.of("a", "b"), r.groupsInDifferences());
        assertEquals(1.0 / 6, r.demographicParity().value(), 1e-12);
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("'c' has 2 example(s), fewer than 3")), r.notes().toString());
        assertEquals(GroupOptions.DEFAULT_MIN_GROUP_SIZE, GroupOptions.defaults().minGroupSize());
    }

    @Test
    void aGroupWithOneGoldClassHasNoFprAndIsLeftOutOfThatGapOnly() {
        //   a: gold 1 1 1, predicted 1 0 1 → TPR 2/3, FPR undefined (no gold 0)
        //   b: gold 1 0 0 1, predicted 1 1 0 0 → TPR 1/2, FPR 1/2
        //   TPR gap = 2/3 − 1/2 = 1/6; FPR gap undefined (one group) → EOD = 1/6 from the TPR gap
        //   selection rates: a 2/3, b 2/4 → DPD = 1/6
        List<String> groups = List.of("a", "a", "a", "b", "b", "b", "b");
        int[] gold = {1, 1, 1, 1, 0, 0, 1};
        int[] predicted = {1, 0, 1, 1, 1, 0, 0};
        GroupReport r = GroupMetrics.of("g", groups, gold, predicted, 2, ANY_SIZE, 2);
        assertTrue(Double.isNaN(r.groups().get(0).rates().get(0).falsePositiveRate()));
        assertTrue(Double.isNaN(r.perClass().get(0).fprGap()));
        assertEquals(1.0 / 6, r.equalizedOdds().value(), 1e-12);
        assertEquals("tpr", r.equalizedOdds().component());
        assertEquals(2.0 / 3 - 0.5, r.demographicParity().value(), 1e-12);
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("'a' has only examples of class 1")),
                r.notes().toString());
        // Every resample keeps group a without gold 0, so the interval is defined.
        assertFalse(Double.isNaN(r.equalizedOdds().interval().lower()));
    }

    @Test
    void noPositivePredictionsGiveZeroDifferences() {
        int[] none = new int[BINARY_GOLD.length];
        GroupReport r = GroupMetrics.of("g", BINARY_GROUPS, BINARY_GOLD, none, 2, ANY_SIZE, 3);
        assertEquals(0.0, r.demographicParity().value(), 0);
        assertEquals(0.0, r.equalizedOdds().value(), 0);
        assertEquals(0.0, r.demographicParity().interval().upper(), 0);
    }

    @Test
    void fewerThanTwoLargeGroupsLeaveTheDifferencesUndefined() {
        GroupReport r = GroupMetrics.of("g", BINARY_GROUPS, BINARY_GOLD, BINARY_PREDICTED, 2,
                GroupOptions.withMinGroupSize(5), 3);
        assertFalse(r.demographicParity().defined());
        assertFalse(r.equalizedOdds().defined());
        assertTrue(Double.isNaN(r.demographicParity().interval().upper()));
        assertEquals(List.of("b"), r.groupsInDifferences());
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("fewer than two groups")), r.notes().toString());
    }

    @Test
    void groupsAreReadFromExampleMapsAndMissingAttributesCounted() {
        List<Map<String, String>> maps = new ArrayList<>();
        for (String g : BINARY_GROUPS) {
            maps.add(Map.of("gender", g, "age", "young"));
        }
        Map<String, String> none = new HashMap<>();
        maps.add(none);
        maps.add(null);
        int[] gold = Arrays.copyOf(BINARY_GOLD, 12);
        int[] predicted = Arrays.copyOf(BINARY_PREDICTED, 12);
        assertEquals(List.of("age", "gender"), GroupInputs.attributes(maps));
        List<GroupReport> reports = GroupMetrics.ofAllAttributes(maps, gold, predicted, 2, ANY_SIZE, new Bootstrap(1));
        GroupReport gender = reports.get(1);
        assertEquals("gender", gender.attribute());
        assertEquals(2, gender.missing());
        assertEquals(10, gender.examples());
        assertEquals(1.0 / 6, gender.demographicParity().value(), 1e-12);
        assertTrue(gender.notes().stream().anyMatch(n -> n.startsWith("2 of 12 examples lack")));
        assertFalse(reports.get(0).demographicParity().defined()); // one age group only
    }

    @Test
    void badInputsNameTheArgument() {
        assertEquals("gold: must not be empty", assertThrows(IllegalArgumentException.class,
                () -> GroupInputs.of("g", List.of(), new int[0], new int[0], 2, ANY_SIZE)).getMessage());
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
                () -> GroupInputs.of("g", List.of("a"), new int[] {2}, new int[] {0}, 2, ANY_SIZE));
        assertTrue(label.getMessage().startsWith("gold: label 2"), label.getMessage());
        List<String> nobody = Arrays.asList(null, null);
        IllegalArgumentException absent = assertThrows(IllegalArgumentException.class,
                () -> GroupInputs.of("g", nobody, new int[] {0, 1}, new int[] {0, 1}, 2, ANY_SIZE));
        assertTrue(absent.getMessage().startsWith("groupOf: no example carries"), absent.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GroupOptions(0, OptionalInt.empty()));
        assertThrows(IllegalArgumentException.class, () -> GroupInputs.of("g", List.of("a"), new int[] {0},
                new int[] {0}, 2, new GroupOptions(1, OptionalInt.of(2))));
        assertThrows(IllegalArgumentException.class,
                () -> GroupInputs.of("g", List.of("a", "b"), new int[] {0}, new int[] {0}, 2, ANY_SIZE));
    }
}
