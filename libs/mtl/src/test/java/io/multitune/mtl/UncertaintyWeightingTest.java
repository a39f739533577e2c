package io.multitune.mtl;

import static io.multitune.mtl.Explicit.assertVector;
import static io.multitune.mtl.Explicit.v;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.multitune.mtl.TaskWeighting.Step;
import io.multitune.mtl.TaskWeighting.StepInput;
import org.junit.jupiter.api.Test;

/** Kendall et al.: L = Σ exp(−s_i) L_i + s_i, s learned by Adam on −exp(−s_i) L_i + 1. */
class UncertaintyWeightingTest {

    private static final double LR = 0.01;

    @Test
    void firstStepWeighsEquallyAndMovesSAgainstItsGradient() {
        UncertaintyWeighting weighting = new UncertaintyWeighting(2, LR);
        Step step = weighting.combine(new StepInput(0, v(2.0, 0.5)));

        // s = 0: weights exp(0) = 1, objective Σ L_i + 0.
        assertVector(v(1, 1), step.coefficients());
        assertEquals(2.5, step.combinedLoss(), 1e-12);
        // ∂L/∂s = −L + 1 = (−1, +0.5); Adam's first step moves each s by lr against the sign of its gradient:
        // the task with the larger loss gets a larger s (less weight), the one with loss below 1 a smaller s.
        assertVector(v(LR, -LR), weighting.logVariances(), 1e-8);

        Step second = weighting.combine(new StepInput(1, v(2.0, 0.5)));
        assertVector(v(Math.exp(-LR), Math.exp(LR)), second.coefficients(), 1e-8);
        assertEquals(Math.exp(-LR) * 2.0 + LR + Math.exp(LR) * 0.5 - LR, second.combinedLoss(), 1e-8);
    }

    @Test
    void sConvergesToTheLogOfAConstantLoss() {
        // Without a ½ factor the optimum of exp(−s) L + s is s = log L.
        UncertaintyWeighting weighting = new UncertaintyWeighting(2, 0.05);
        for (int step = 0; step < 3000; step++) {
            weighting.combine(new StepInput(step, v(2.0, 0.5)));
        }
        assertVector(v(Math.log(2.0), Math.log(0.5)), weighting.logVariances(), 1e-3);
    }
}
