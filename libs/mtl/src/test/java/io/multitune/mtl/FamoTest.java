package io.multitune.mtl;

import static io.multitune.mtl.Explicit.assertVector;
import static io.multitune.mtl.Explicit.v;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.mtl.TaskWeighting.Step;
import io.multitune.mtl.TaskWeighting.StepInput;
import org.junit.jupiter.api.Test;

/** Liu et al. 2023: c_i = z_i / (L_i Σ_j z_j/L_j), z = softmax(ξ); ξ learns from δ = log L(before) − log L(after). */
class FamoTest {

    @Test
    void coefficientsFollowTheNormalisedLogLossWeighting() {
        Famo famo = new Famo(2, 0.025, 0.001);
        assertFalse(famo.needsGradients());
        assertTrue(famo.needsLossesAfterUpdate());

        Step step = famo.combine(new StepInput(0, v(1, 3)));
        // z = (½, ½): c = (½/1, ½/3) / (½ + ⅙) = (0.75, 0.25), a convex combination.
        assertVector(v(0.75, 0.25), step.coefficients(), 1e-7);
        assertVector(v(0.5, 0.5), step.weights());
        assertEquals((0.5 * Math.log(1) + 0.5 * Math.log(3)) / (0.5 + 0.5 / 3), step.combinedLoss(), 1e-7);
    }

    @Test
    void weightShiftsTowardTheTaskWhoseLossDecreasesSlowest() {
        Famo famo = new Famo(2, 0.025, 0.001);
        famo.combine(new StepInput(0, v(1, 3)));
        famo.afterUpdate(v(0.5, 2.7)); // δ = (log 2, log(3/2.7)): task 1 improved much more

        // J_zᵀδ = (+, −); Adam's first step moves each logit by lr against its gradient's sign (ξ = 0: no decay).
        double z2 = 1 / (1 + Math.exp(-0.05));
        assertVector(v(1 - z2, z2), famo.weights(), 1e-8);

        Famo longer = new Famo(2, 0.025, 0.001);
        double[] losses = v(1, 1);
        for (int step = 0; step < 200; step++) {
            longer.combine(new StepInput(step, losses));
            double[] after = v(losses[0] * 0.98, losses[1] * 0.999);
            longer.afterUpdate(after);
            losses = after;
        }
        double[] z = longer.weights();
        assertTrue(z[1] > 0.8, "slow task weight " + z[1]);
    }

    @Test
    void equalProgressKeepsTheWeightsEqual() {
        Famo famo = new Famo(3, 0.025, 0.001);
        famo.combine(new StepInput(0, v(1, 2, 4)));
        famo.afterUpdate(v(0.9, 1.8, 3.6)); // every log loss fell by the same amount: J_zᵀδ ≈ 0
        // Not exactly 0: the 1e-8 added to each loss makes δ differ by ~1e-9, which Adam's normalisation
        // magnifies to a step of ~1e-4 at most, against 0.025 for a real difference in progress.
        assertVector(v(1.0 / 3, 1.0 / 3, 1.0 / 3), famo.weights(), 1e-3);
    }

    @Test
    void afterUpdateNeedsAPrecedingCombineAndNonNegativeLosses() {
        Famo famo = new Famo(2, 0.025, 0.001);
        assertThrows(IllegalStateException.class, () -> famo.afterUpdate(v(1, 1)));
        famo.combine(new StepInput(0, v(1, 1)));
        famo.afterUpdate(v(0.9, 0.9));
        assertThrows(IllegalStateException.class, () -> famo.afterUpdate(v(0.8, 0.8))); // once per combine
        assertThrows(IllegalArgumentException.class, () -> famo.combine(new StepInput(1, v(-1, 1))));
    }
}
