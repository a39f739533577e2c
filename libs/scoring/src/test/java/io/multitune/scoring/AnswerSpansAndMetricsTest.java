package io.multitune.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.TaskType;
import io.multitune.training.batch.TaskTargets;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Span decoding and metric selection, without a model. */
class AnswerSpansAndMetricsTest {

    // tokens: [CLS] q [SEP] the cat sat [SEP] pad
    private static final TaskTargets.SpanContext CONTEXT = new TaskTargets.SpanContext("the cat sat",
            new int[] {-1, -1, -1, 0, 4, 8, -1, -1}, new int[] {-1, -1, -1, 3, 7, 11, -1, -1}, "cat");

    @Test
    void theBestSpanStaysInTheContextEndsAfterItStartsAndRespectsTheCap() {
        float[] start = {9, 9, 9, 0, 5, 0, 9, 9};
        float[] end = {9, 9, 9, 0, 0, 4, 9, 9};
        assertArrayEquals(new int[] {4, 5}, AnswerSpans.best(start, end, CONTEXT, 30));
        assertEquals("cat sat", AnswerSpans.text(new int[] {4, 5}, CONTEXT));
        // With a one-token cap the best is a single token.
        int[] one = AnswerSpans.best(start, end, CONTEXT, 1);
        assertEquals(one[0], one[1]);
        // The end logit peaks before the start: the span may not run backwards.
        float[] lateStart = {0, 0, 0, 0, 0, 5, 0, 0};
        float[] earlyEnd = {0, 0, 0, 4, 0, 0, 0, 0};
        assertArrayEquals(new int[] {5, 5}, AnswerSpans.best(lateStart, earlyEnd, CONTEXT, 30));
        TaskTargets.SpanContext none = new TaskTargets.SpanContext("x", new int[] {-1, -1}, new int[] {-1, -1}, "x");
        assertArrayEquals(new int[] {-1, -1}, AnswerSpans.best(new float[2], new float[2], none, 30));
        assertEquals("", AnswerSpans.text(new int[] {-1, -1}, none));
        assertThrows(IllegalArgumentException.class, () -> AnswerSpans.best(start, end, CONTEXT, 0));
    }

    @Test
    void entityF1OnlyForBioTagSets() {
        assertTrue(PredictionMetrics.isBio(List.of("O", "B-PER", "I-PER")));
        assertFalse(PredictionMetrics.isBio(List.of("DET", "NOUN")));
        assertFalse(PredictionMetrics.isBio(List.of("O")));
        var pos = new TaskPredictions.Tagging("pos", TaskType.TOKEN_CLASSIFICATION, List.of("DET", "NOUN"),
                List.of("p1"), List.of(List.of("DET", "NOUN")), List.of(List.of("DET", "DET")), new int[] {0});
        TaskScores scores = PredictionMetrics.score(pos);
        assertEquals(List.of("token-accuracy", "tag-macro-f1"), List.copyOf(scores.metrics().keySet()));
        assertEquals(0.5, scores.metric("token-accuracy"), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> PredictionMetrics.score(pos, "entity-f1"));
        assertThrows(IllegalArgumentException.class, () -> scores.metric("bleu"));
    }

    @Test
    void textToTextIsNotScored() {
        assertThrows(IllegalArgumentException.class, () -> PredictionMetrics.evaluationType(TaskType.TEXT_TO_TEXT));
    }
}
