package io.multitune.fairness.counterfactual;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TagFlipStatisticsTest {

    // Pair 0, source 0, token 0 swapped:
    //   token  tag(x)  p     tag(x')  p(tag(x)|x')  swapped  flip  |Δp|
    //   0      3       0.9   4        0.5           yes      —     —   (left out)
    //   1      0       0.8   0        0.8           no       no    0.0
    //   2      0       0.7   2        0.4           no       yes   0.3
    //   3      1       0.6   1        0.5           no       no    0.1
    //   U = 3, F = 1, Σ|Δp| = 0.4, max 0.3
    // Pair 1, source 1, token 1 swapped: token 0 keeps tag 0, p 0.9 → 0.85: U = 1, F = 0, Σ|Δp| = 0.05
    // Pair 2, source 2, its only token swapped: left out.
    // sequence flip rate = 1/2 = 0.5; token flip rate = 1/(3 + 1) = 0.25; mean |Δp| = 0.45/4 = 0.1125; max 0.3.
    static final TaggedPair P0 = new TaggedPair(0, new int[] {3, 0, 0, 1}, new double[] {0.9, 0.8, 0.7, 0.6},
            new int[] {4, 0, 2, 1}, new double[] {0.5, 0.8, 0.4, 0.5}, new boolean[] {true, false, false, false});
    static final TaggedPair P1 = new TaggedPair(1, new int[] {0, 0}, new double[] {0.9, 0.9}, new int[] {0, 0},
            new double[] {0.85, 0.9}, new boolean[] {false, true});
    static final TaggedPair P2 = new TaggedPair(2, new int[] {5}, new double[] {0.9}, new int[] {6},
            new double[] {0.1}, new boolean[] {true});

    @Test
    void figuresMatchTheHandComputation() {
        TagFlipStatistics s = TagFlipStatistics.of(List.of(P0, P1, P2), 3);
        assertEquals(2, s.pairs());
        assertEquals(1, s.excludedPairs());
        assertEquals(2, s.sources());
        assertEquals(4, s.untouchedTokens());
        assertEquals(0.5, s.flipRate(), 1e-12);
        assertEquals(0.25, s.tokenFlipRate(), 1e-12);
        assertEquals(0.1125, s.meanAbsChange(), 1e-12);
        assertEquals(0.3, s.maxAbsChange(), 1e-12);
        assertTrue(s.flipRateInterval().lower() <= 0.5 && 0.5 <= s.flipRateInterval().upper());
        assertTrue(s.summary().startsWith("sequence flip rate 0.5000"), s.summary());
        assertArrayEquals(new int[] {1, 0}, TagFlipInputs.of(List.of(P1, P0)).mostChanged(2)); // P0 has the flip
    }

    @Test
    void badPairsAreRefused() {
        IllegalArgumentException allSwapped = assertThrows(IllegalArgumentException.class,
                () -> TagFlipInputs.of(List.of(P2)));
        assertTrue(allSwapped.getMessage().startsWith("pairs:"), allSwapped.getMessage());
        assertEquals("pairs: must not be empty",
                assertThrows(IllegalArgumentException.class, () -> TagFlipInputs.of(List.of())).getMessage());
        TaggedPair otherOriginal = new TaggedPair(0, new int[] {3, 0, 1, 1}, new double[] {0.9, 0.8, 0.7, 0.6},
                new int[] {4, 0, 2, 1}, new double[] {0.5, 0.8, 0.4, 0.5}, new boolean[] {true, false, false, false});
        assertThrows(IllegalArgumentException.class, () -> TagFlipInputs.of(List.of(P0, otherOriginal)));
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> new TaggedPair(0, new int[] {1, 2}, new double[] {0.5, 0.5}, new int[] {1},
                        new double[] {0.5, 0.5}, new boolean[] {false, false}));
        assertTrue(length.getMessage().startsWith("counterfactualTags:"), length.getMessage());
    }
}
