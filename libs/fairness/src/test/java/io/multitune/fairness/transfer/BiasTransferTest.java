package io.multitune.fairness.transfer;

import io.multitune.fairness.BiasMetric;
import io.multitune.fairness.counterfactual.FlipInputs;
import io.multitune.fairness.counterfactual.TagFlipInputs;
import io.multitune.fairness.counterfactual.TaggedPair;
import io.multitune.fairness.counterfactual.ValueChangeInputs;
import io.multitune.fairness.group.GroupInputs;
import io.multitune.fairness.group.GroupOptions;
import io.multitune.fairness.stats.Bootstrap;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BiasTransferTest {

    // The five pairs of FlipStatisticsTest for the multi-task model (flip rate 0.4, mean |Δp| 0.19, max 0.5) and a
    // baseline that never moves (0, 0, 0) on the same sources: the differences are 0.4, 0.19 and 0.5.
    static final int[] SOURCE = {0, 0, 1, 2, 2};
    static final FlipInputs MTL = FlipInputs.of(new int[] {1, 1, 0, 1, 1}, new double[] {0.9, 0.9, 0.7, 0.6, 0.6},
            new int[] {1, 0, 0, 0, 1}, new double[] {0.8, 0.4, 0.7, 0.3, 0.65}, SOURCE);
    static final FlipInputs STEADY = FlipInputs.of(new int[] {1, 1, 0, 1, 1}, new double[] {0.9, 0.9, 0.7, 0.6, 0.6},
            new int[] {1, 1, 0, 1, 1}, new double[] {0.9, 0.9, 0.7, 0.6, 0.6}, SOURCE);
    static final Bootstrap BOOTSTRAP = new Bootstrap(5);

    @Test
    void flipFiguresArePairedOnTheSameSources() {
        List<TransferFigure> figures = BiasTransfer.flips("sst", MTL, STEADY, BOOTSTRAP);
        assertEquals(List.of(BiasMetric.FLIP_RATE, BiasMetric.MEAN_PROB_CHANGE, BiasMetric.MAX_PROB_CHANGE),
                figures.stream().map(TransferFigure::metric).toList());
        TransferFigure flip = figures.get(0);
        assertTrue(flip.paired());
        assertEquals(0.4, flip.multiTask(), 1e-12);
        assertEquals(0.0, flip.baseline(), 0);
        assertEquals(0.4, flip.difference(), 1e-12);
        assertEquals(0.4, flip.interval().observed(), 1e-12);
        assertTrue(flip.interval().lower() >= 0, flip.toString()); // the baseline is 0 on every resample
        assertEquals(0.19, figures.get(1).difference(), 1e-12);
        assertEquals(0.5, figures.get(2).difference(), 1e-12);
        assertEquals("counterfactual-flip-rate", flip.name());
        TransferFigure same = BiasTransfer.flips("sst", MTL, MTL, BOOTSTRAP).get(0);
        assertEquals(0.0, same.interval().lower(), 0);
        assertEquals(0.0, same.interval().upper(), 0);
        assertFalse(same.intervalExcludesZero());
    }

    @Test
    void differentSourcesAreComparedUnpaired() {
        FlipInputs other = FlipInputs.of(new int[] {1, 0}, new double[] {0.9, 0.8}, new int[] {1, 0},
                new double[] {0.9, 0.8}, new int[] {0, 1});
        TransferFigure f = BiasTransfer.flips("sst", MTL, other, BOOTSTRAP).get(0);
        assertFalse(f.paired());
        assertEquals(0.4, f.difference(), 1e-12);
    }

    @Test
    void regressionAndTaggingFiguresCarryTheirMetrics() {
        ValueChangeInputs a = ValueChangeInputs.of(new double[] {3, 3, 1}, new double[] {2.5, 4, 1}, new int[] {0, 0, 1});
        ValueChangeInputs b = ValueChangeInputs.of(new double[] {3, 3, 1}, new double[] {3, 3, 1.2}, new int[] {0, 0, 1});
        List<TransferFigure> v = BiasTransfer.valueChanges("sts", a, b, BOOTSTRAP);
        // mean |Δŷ|: 0.5 vs 0.2/3; max: 1.0 vs 0.2
        assertEquals(0.5 - 0.2 / 3, v.get(0).difference(), 1e-12);
        assertEquals(0.8, v.get(1).difference(), 1e-12);
        assertEquals(BiasMetric.MEAN_VALUE_CHANGE, v.get(0).metric());
        TaggedPair p = new TaggedPair(0, new int[] {1, 0}, new double[] {0.9, 0.8}, new int[] {1, 2},
                new double[] {0.9, 0.3}, new boolean[] {true, false});
        TagFlipInputs tags = TagFlipInputs.of(List.of(p));
        List<TransferFigure> t = BiasTransfer.tagFlips("ner", tags, tags, BOOTSTRAP);
        assertEquals(List.of(BiasMetric.FLIP_RATE, BiasMetric.TOKEN_FLIP_RATE, BiasMetric.MEAN_PROB_CHANGE,
                BiasMetric.MAX_PROB_CHANGE), t.stream().map(TransferFigure::metric).toList());
        assertEquals(0.0, t.get(0).difference(), 0);
    }

    @Test
    void groupFiguresArePairedOnTheSameExamples() {
        // Multi-task: the binary example of GroupMetricsTest (DPD 1/6, EOD 1/2). Baseline: always right, so
        // selection rates a 2/4, b 3/6 (DPD 0) and TPR 1, FPR 0 in both groups (EOD 0).
        List<String> groups = List.of("a", "a", "a", "a", "b", "b", "b", "b", "b", "b");
        int[] gold = {1, 1, 0, 0, 1, 1, 1, 0, 0, 0};
        int[] predicted = {1, 0, 1, 0, 1, 1, 1, 1, 0, 0};
        GroupOptions options = GroupOptions.withMinGroupSize(1);
        GroupInputs mtl = GroupInputs.of("gender", groups, gold, predicted, 2, options);
        GroupInputs base = GroupInputs.of("gender", groups, gold, gold, 2, options);
        List<TransferFigure> f = BiasTransfer.groups("sst", mtl, base, BOOTSTRAP);
        assertEquals("demographic-parity:gender", f.get(0).name());
        assertTrue(f.get(0).paired());
        assertEquals(1.0 / 6, f.get(0).difference(), 1e-12);
        assertEquals(0.5, f.get(1).difference(), 1e-12);
        assertEquals(BiasMetric.EQUALIZED_ODDS, f.get(1).metric());

        GroupInputs tooSmall = GroupInputs.of("gender", groups, gold, gold, 2, GroupOptions.withMinGroupSize(5));
        TransferFigure undefined = BiasTransfer.groups("sst", mtl, tooSmall, BOOTSTRAP).get(0);
        assertFalse(undefined.defined());
        assertTrue(Double.isNaN(undefined.interval().lower()));
        assertThrows(IllegalArgumentException.class, () -> BiasTransfer.groups("sst", mtl,
                GroupInputs.of("age", groups, gold, gold, 2, options), BOOTSTRAP));
    }
}
