package io.multitune.fairness.explain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OcclusionTest {

    /** A stand-in model: p(y|tokens) = 0.2 + 0.3·[has "great"] + 0.1·[has "not"]. */
    static final ToDoubleFunction<List<String>> MODEL = tokens -> 0.2 + (tokens.contains("great") ? 0.3 : 0)
            + (tokens.contains("not") ? 0.1 : 0);

    @Test
    void attributionsAreTheDropOfTheProbability() {
        // p(not great film) = 0.6; without "not" 0.5 → 0.1; without "great" 0.3 → 0.3; without "film" 0.6 → 0.
        Attribution a = Occlusion.REMOVE.attribute(List.of("not", "great", "film"), MODEL);
        assertEquals(0.6, a.probability(), 1e-12);
        assertEquals(0.1, a.scores().get(0), 1e-12);
        assertEquals(0.3, a.scores().get(1), 1e-12);
        assertEquals(0.0, a.scores().get(2), 1e-12);
        assertArrayEquals(new int[] {1, 0}, a.top(2));
    }

    @Test
    void maskingKeepsTheLengthAndBatchingGivesTheSameScores() {
        List<List<String>> seen = new ArrayList<>();
        Function<List<List<String>>, double[]> batch = inputs -> {
            seen.addAll(inputs);
            return inputs.stream().mapToDouble(MODEL::applyAsDouble).toArray();
        };
        Occlusion mask = Occlusion.mask("[MASK]");
        Attribution a = mask.attributeBatch(List.of("not", "great", "film"), batch);
        assertEquals(4, seen.size());
        assertEquals(List.of("not", "[MASK]", "film"), seen.get(2));
        Attribution single = mask.attribute(List.of("not", "great", "film"), MODEL);
        assertEquals(single, a);
        assertEquals(List.of("great", "film"), Occlusion.REMOVE.occlude(List.of("not", "great", "film"), 0));
    }

    @Test
    void badModelAnswersAndInputsFail() {
        assertEquals("tokens: must not be empty", assertThrows(IllegalArgumentException.class,
                () -> Occlusion.REMOVE.attribute(List.of(), MODEL)).getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> Occlusion.REMOVE.attribute(List.of("a"), t -> 1.5));
        assertTrue(range.getMessage().startsWith("probability:"), range.getMessage());
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> Occlusion.REMOVE.attributeBatch(List.of("a", "b"), in -> new double[] {0.5}));
        assertTrue(length.getMessage().startsWith("batch: must return 3"), length.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Occlusion.mask(""));
    }
}
