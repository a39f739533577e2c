package io.multitune.evaluation.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenClassificationMetricsTest {

    private static final double EPS = 1e-12;

    // seqeval's README example.
    private static final List<List<String>> GOLD = List.of(
            List.of("O", "O", "O", "B-MISC", "I-MISC", "I-MISC", "O"),
            List.of("B-PER", "I-PER", "O"));
    private static final List<List<String>> PRED = List.of(
            List.of("O", "O", "B-MISC", "I-MISC", "I-MISC", "I-MISC", "O"),
            List.of("B-PER", "I-PER", "O"));

    @Test
    void entityF1OfSeqevalsReadmeExampleIsOneHalf() {
        // gold: MISC[3..5], PER[0..1]; predicted: MISC[2..5], PER[0..1]. One match of two each: P = R = F1 = 0.5.
        EntityScores s = TokenClassificationMetrics.entityScores(GOLD, PRED);
        assertEquals(0.5, s.f1(), EPS);
        assertEquals(0.5, s.precision(), EPS);
        assertEquals(0.5, s.recall(), EPS);
        assertEquals(1, s.matched());
        assertEquals(2, s.goldCount());
        assertEquals(2, s.predictedCount());
    }

    @Test
    void tokenAccuracyCountsEveryToken() {
        // 10 tokens; sentence 1 differs at positions 2 (O vs B-MISC) and 3 (B-MISC vs I-MISC): 8/10.
        assertEquals(0.8, TokenClassificationMetrics.tokenAccuracy(GOLD, PRED), EPS);
    }

    @Test
    void macroF1OverTagsIncludesO() {
        // O: gold 5, predicted 4, matched 4 → P 1, R 0.8, F1 8/9. B-MISC: gold 1, predicted 1, matched 0 → 0.
        // I-MISC: gold 2, predicted 3, matched 2 → P 2/3, R 1, F1 0.8. B-PER, I-PER: 1 each.
        // (8/9 + 0 + 0.8 + 1 + 1)/5 = (166/45)/5 = 166/225.
        assertEquals(166.0 / 225, TokenClassificationMetrics.macroF1OverTags(GOLD, PRED), EPS);
    }

    @Test
    void anInsideTagWithoutItsBeginStartsAnEntity() {
        List<Entity> e = TokenClassificationMetrics.entities(List.of(
                List.of("I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-LOC"),
                List.of("B-PER", "I-LOC")));
        assertEquals(List.of(
                new Entity(0, "PER", 0, 1), new Entity(0, "LOC", 3, 3), new Entity(0, "LOC", 4, 5),
                new Entity(1, "PER", 0, 0), new Entity(1, "LOC", 1, 1)), e);
    }

    @Test
    void noEntitiesAnywhereGivesZeroNotNaN() {
        List<List<String>> allO = List.of(List.of("O", "O"));
        assertEquals(0.0, TokenClassificationMetrics.entityF1(allO, allO), EPS);
    }

    @Test
    void badInputNamesTheArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TokenClassificationMetrics.entities(List.of(List.of("X-PER"))));
        assertTrue(e.getMessage().startsWith("sentences[0][0]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TokenClassificationMetrics.tokenAccuracy(List.of(List.of("O")), List.of(List.of("O", "O"))));
        assertTrue(e.getMessage().startsWith("predicted[0]"), e.getMessage());
    }
}
