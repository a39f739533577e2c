package io.multitune.mtl;

import static io.multitune.mtl.Explicit.assertVector;
import static io.multitune.mtl.Explicit.v;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.mtl.TaskWeighting.Step;
import io.multitune.mtl.TaskWeighting.StepInput;
import org.junit.jupiter.api.Test;

/** Chen et al.: w_i ← w_i − lr · sign(G_i − Ḡ r_i^α) ‖∇_W L_i‖, clamped positive, Σ w = T. */
class GradNormWeightingTest {

    private static StepInput input(long step, double[] losses, double[] norms) {
        return new StepInput(step, losses, null, norms);
    }

    @Test
    void weightMovesTowardTheTaskWhoseLossRatioIsHigher() {
        GradNormWeighting gradNorm = new GradNormWeighting(2, 1.5, 0.025);

        // Step 0 fixes L(0) = (1, 1): every r_i = 1, G_i equal to the target, no movement.
        Step first = gradNorm.combine(input(0, v(1, 1), v(1, 1)));
        assertVector(v(1, 1), first.coefficients());
        assertVector(v(1, 1), gradNorm.weights());

        // Step 1: L̃ = (0.5, 0.9), r = (0.714, 1.286); G = (1, 1), Ḡ = 1, targets r^1.5 = (0.60, 1.46):
        // task 1 is above its target (gradient +1), task 2 below (−1), so w = (1 − 0.025, 1 + 0.025).
        Step second = gradNorm.combine(input(1, v(0.5, 0.9), v(1, 1)));
        assertVector(v(1, 1), second.coefficients()); // this step still uses the weights before the update
        assertVector(v(0.975, 1.025), gradNorm.weights());
        assertEquals(0.5 + 0.9, second.combinedLoss(), 1e-12);

        Step third = gradNorm.combine(input(2, v(0.5, 0.9), v(1, 1)));
        assertVector(v(0.975, 1.025), third.coefficients());
        assertEquals(0.975 * 0.5 + 1.025 * 0.9, third.combinedLoss(), 1e-12);
    }

    @Test
    void gradientIsScaledByTheTasksNormAndWeightsAreRenormalised() {
        GradNormWeighting gradNorm = new GradNormWeighting(2, 0.0, 0.1); // α = 0: target Ḡ for every task
        gradNorm.combine(input(0, v(1, 1), v(2, 1)));
        // G = (2, 1), Ḡ = 1.5: w_1 −= 0.1·2, w_2 += 0.1·1 → (0.8, 1.1), renormalised to Σ = 2.
        assertVector(v(0.8 * 2 / 1.9, 1.1 * 2 / 1.9), gradNorm.weights());
    }

    @Test
    void weightsStayPositiveAndSumToT() {
        GradNormWeighting gradNorm = new GradNormWeighting(3, 1.5, 5.0); // a huge rate would push weights below 0
        gradNorm.combine(input(0, v(1, 1, 1), v(1, 1, 1)));
        for (int step = 1; step < 20; step++) {
            gradNorm.combine(input(step, v(0.1, 1, 2), v(3, 0.5, 0.1)));
            double[] w = gradNorm.weights();
            assertEquals(3, w[0] + w[1] + w[2], 1e-9);
            for (double wi : w) {
                assertTrue(wi > 0, "weight " + wi);
            }
        }
    }

    @Test
    void normsAreRequired() {
        GradNormWeighting gradNorm = new GradNormWeighting(2, 1.5, 0.025);
        assertTrue(gradNorm.needsSharedLayerNorms());
        assertThrows(IllegalArgumentException.class, () -> gradNorm.combine(new StepInput(0, v(1, 1))));
    }
}
