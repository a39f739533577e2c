package io.multitune.training.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.training.batch.TaskTargets;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void accuracyCountsArgmaxHits() {
        Accuracy accuracy = new Accuracy();
        accuracy.add(new float[] {0.1f, 0.9f, 2f, -1f, 0f, 0f}, new long[] {3, 2},
                new TaskTargets.ClassLabels(new int[] {1, 1, 0}));
        assertEquals(2.0 / 3, accuracy.score(), 1e-12);
        assertEquals(3, accuracy.examples());
    }

    @Test
    void tokenAccuracyIgnoresUnlabelledPositions() {
        TokenAccuracy accuracy = new TokenAccuracy();
        // 1 row, 3 tokens, 2 tags: token 0 ignored, token 1 right, token 2 wrong.
        accuracy.add(new float[] {5f, 0f, 0f, 1f, 1f, 0f}, new long[] {1, 3, 2},
                new TaskTargets.TokenLabels(new long[] {TaskTargets.IGNORED, 1, 1}, 1, 3));
        assertEquals(0.5, accuracy.score(), 1e-12);
    }

    @Test
    void pearsonMatchesTheFormula() {
        PearsonCorrelation r = new PearsonCorrelation();
        r.add(new float[] {1f, 2f, 3f, 5f}, new long[] {4, 1}, new TaskTargets.Values(new float[] {2f, 4f, 5f, 4f}));
        // Hand computation: x̄ = 2.75, ȳ = 3.75; Σdxdy = 3.75, Σdx² = 8.75, Σdy² = 4.75.
        assertEquals(3.75 / Math.sqrt(8.75 * 4.75), r.score(), 1e-12);
        PearsonCorrelation constant = new PearsonCorrelation();
        constant.add(1, 1);
        constant.add(2, 1);
        assertTrue(Double.isNaN(constant.score()));
    }

    @Test
    void spanMatchNormalisesLikeSquad() {
        assertEquals("eiffel tower", SpanMatch.normalise("The Eiffel  Tower!"));
        assertEquals(1.0, SpanMatch.tokenF1("the Eiffel Tower", "Eiffel tower."), 1e-12);
        assertEquals(2 * 0.5 * 1.0 / 1.5, SpanMatch.tokenF1("Paris France", "Paris"), 1e-12);
    }

    @Test
    void spanMatchPicksTheBestSpanInsideTheContext() {
        String context = "alice met bob";
        // Tokens: 0 [CLS] (outside), 1 alice, 2 met, 3 bob; logits interleaved (start, end) per token.
        TaskTargets.SpanContext c = new TaskTargets.SpanContext(context, new int[] {-1, 0, 6, 10},
                new int[] {-1, 5, 9, 13}, "bob");
        float[] logits = {9f, 9f, 0f, 0f, 0f, 0f, 3f, 4f};
        SpanMatch match = new SpanMatch();
        match.add(logits, new long[] {1, 4, 2}, new TaskTargets.Spans(new int[] {3}, new int[] {3}, List.of(c)));
        assertEquals(1.0, match.score(), 1e-12);
        assertEquals(1.0, match.exactMatch(), 1e-12);
    }
}
