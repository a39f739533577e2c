package io.multitune.mtl;

import static io.multitune.mtl.Explicit.assertVector;
import static io.multitune.mtl.Explicit.v;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.multitune.mtl.TaskWeighting.Step;
import io.multitune.mtl.TaskWeighting.StepInput;
import org.junit.jupiter.api.Test;

/** Equal and static weighting: fixed linear scalarisation. */
class LossWeightingTest {

    @Test
    void equalWeightingSumsTheTasks() {
        EqualWeighting equal = new EqualWeighting(3);
        Step step = equal.combine(new StepInput(0, v(0.5, 1.0, 2.0)));

        assertVector(v(1, 1, 1), step.coefficients());
        assertVector(v(1, 1, 1), step.weights());
        assertEquals(3.5, step.combinedLoss(), 1e-12);
        assertFalse(equal.needsGradients());
        assertFalse(equal.needsSharedLayerNorms());
    }

    @Test
    void staticWeightingUsesTheGivenWeights() {
        StaticWeighting weighting = new StaticWeighting(v(2, 0.5));
        Step step = weighting.combine(new StepInput(4, v(1.5, 4.0)));

        assertVector(v(2, 0.5), step.coefficients());
        assertVector(v(2, 0.5), step.weights());
        assertEquals(2 * 1.5 + 0.5 * 4.0, step.combinedLoss(), 1e-12);
    }

    @Test
    void badWeightsAndLossesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new StaticWeighting(v(1, -1)));
        assertThrows(IllegalArgumentException.class, () -> new StaticWeighting(v(0, 0)));
        assertThrows(IllegalArgumentException.class, () -> new EqualWeighting(0));
        EqualWeighting equal = new EqualWeighting(2);
        assertThrows(IllegalArgumentException.class, () -> equal.combine(new StepInput(0, v(1, 2, 3))));
        assertThrows(IllegalArgumentException.class, () -> equal.combine(new StepInput(0, v(1, Double.NaN))));
    }
}
