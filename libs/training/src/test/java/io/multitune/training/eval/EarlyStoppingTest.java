package io.multitune.training.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    private static List<TaskValidation> round(double a, double b) {
        return List.of(new TaskValidation("a", 0.5, "accuracy", a, 10), new TaskValidation("b", 0.5, "accuracy", b, 10));
    }

    @Test
    void aTaskStopsAfterPatienceRoundsWithoutImprovement() {
        EarlyStopping stopping = new EarlyStopping(List.of("a", "b"), 2);
        stopping.update(round(0.6, 0.5));
        stopping.update(round(0.7, 0.5)); // b: 1 round without improvement
        assertArrayEquals(new boolean[] {true, true}, stopping.active());
        stopping.update(round(0.65, 0.4)); // b: 2 → stops; a: 1
        assertArrayEquals(new boolean[] {true, false}, stopping.active());
        stopping.update(round(0.8, 0.9)); // a improves; b stays stopped
        assertArrayEquals(new boolean[] {true, false}, stopping.active());
        assertFalse(stopping.allStopped());
        stopping.update(round(0.8, 0.9));
        stopping.update(round(Double.NaN, 0.9)); // an undefined score is no improvement
        assertTrue(stopping.allStopped());
    }

    @Test
    void aRoundWithoutExamplesOfATaskLeavesItAlone() {
        EarlyStopping stopping = new EarlyStopping(List.of("a", "b"), 1);
        stopping.update(round(0.5, 0.5));
        stopping.update(List.of(new TaskValidation("a", Double.NaN, "accuracy", Double.NaN, 0),
                new TaskValidation("b", 0.5, "accuracy", 0.4, 10)));
        assertArrayEquals(new boolean[] {true, false}, stopping.active());
    }

    @Test
    void stateRoundTrips() {
        EarlyStopping stopping = new EarlyStopping(List.of("a", "b"), 1);
        stopping.update(round(0.5, 0.5));
        stopping.update(round(0.6, 0.4));
        EarlyStopping restored = new EarlyStopping(List.of("a", "b"), 1);
        restored.restore(stopping.state());
        assertArrayEquals(stopping.active(), restored.active());
        assertArrayEquals(stopping.best(), restored.best(), 0.0);
    }

    @Test
    void refusesResultsOfOtherTasks() {
        EarlyStopping stopping = new EarlyStopping(List.of("a", "b"), 1);
        assertThrows(IllegalArgumentException.class, () -> stopping.update(List.of(
                new TaskValidation("b", 0, "accuracy", 0, 1), new TaskValidation("a", 0, "accuracy", 0, 1))));
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(List.of("a"), 0));
    }
}
