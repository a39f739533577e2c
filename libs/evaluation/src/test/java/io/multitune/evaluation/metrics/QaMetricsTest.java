package io.multitune.evaluation.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QaMetricsTest {

    private static final double EPS = 1e-12;

    @Test
    void normalisationFollowsTheSquadScript() {
        assertEquals("quick brown fox", QaMetrics.normalize("The  Quick, brown fox!"));
        assertEquals("apple", QaMetrics.normalize("an Apple."));
        // Articles only as whole words.
        assertEquals("theater", QaMetrics.normalize("the theater"));
    }

    @Test
    void exactMatchAfterNormalisation() {
        assertEquals(1.0, QaMetrics.exactMatch("the Eiffel Tower", "Eiffel tower."), EPS);
        assertEquals(0.0, QaMetrics.exactMatch("Eiffel", "Eiffel tower"), EPS);
    }

    @Test
    void tokenF1ByHand() {
        // prediction → cat sat on mat (4 tokens), gold → cat on mat (3): 3 shared, P 3/4, R 1, F1 = 6/7
        assertEquals(6.0 / 7, QaMetrics.tokenF1("the cat sat on the mat", "a cat on a mat"), EPS);
        assertEquals(0.0, QaMetrics.tokenF1("dog", "cat"), EPS);
    }

    @Test
    void tokenF1CountsRepeatedTokensOnce() {
        // prediction x x y (3 tokens), gold x y y (3): x shared once, y once = 2: P = R = 2/3, F1 = 2/3
        assertEquals(2.0 / 3, QaMetrics.tokenF1("x x y", "x y y"), EPS);
    }

    @Test
    void severalGoldAnswersTakeTheBest() {
        List<String> golds = List.of("Denver Broncos", "Broncos");
        assertEquals(1.0, QaMetrics.exactMatch("broncos", golds), EPS);
        // vs "Denver Broncos": P 1/1, R 1/2 → 2/3; vs "Broncos": 0 → best 2/3
        assertEquals(2.0 / 3, QaMetrics.tokenF1("Denver", golds), EPS);
        assertEquals(0.5, QaMetrics.meanExactMatch(List.of("broncos", "Denver"), List.of(golds, golds)), EPS);
        assertEquals((1 + 2.0 / 3) / 2, QaMetrics.meanTokenF1(List.of("broncos", "Denver"), List.of(golds, golds)),
                EPS);
    }

    @Test
    void emptyAnswersFollowSquadTwo() {
        assertEquals(1.0, QaMetrics.tokenF1("", "the"), EPS);
        assertEquals(0.0, QaMetrics.tokenF1("", "Paris"), EPS);
        assertEquals(1.0, QaMetrics.exactMatch("", ""), EPS);
    }
}
