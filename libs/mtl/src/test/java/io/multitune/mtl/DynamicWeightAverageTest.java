package io.multitune.mtl;

import static io.multitune.mtl.Explicit.assertVector;
import static io.multitune.mtl.Explicit.v;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.multitune.mtl.TaskWeighting.Step;
import io.multitune.mtl.TaskWeighting.StepInput;
import org.junit.jupiter.api.Test;

/** Liu et al. (MTAN): w = T softmax(r / τ), r_i = L̄_i(t−1) / L̄_i(t−2), 1 for the first two windows. */
class DynamicWeightAverageTest {

    @Test
    void weightsAreOneForTheFirstTwoWindowsThenFollowTheLossRatios() {
        DynamicWeightAverage dwa = new DynamicWeightAverage(2, 2.0);
        double[] losses = v(0.7, 1.1);

        assertVector(v(1, 1), dwa.combine(new StepInput(0, losses)).coefficients()); // window 1
        dwa.endOfWindow(v(1.0, 1.0));
        assertVector(v(1, 1), dwa.combine(new StepInput(10, losses)).coefficients()); // window 2
        dwa.endOfWindow(v(0.5, 0.9));

        // Window 3: r = (0.5/1, 0.9/1); w_1 = 2 e^{0.25} / (e^{0.25} + e^{0.45}) = 2 / (1 + e^{0.2}).
        double w1 = 2 / (1 + Math.exp(0.2));
        Step step = dwa.combine(new StepInput(20, losses));
        assertVector(v(w1, 2 - w1), step.coefficients());
        assertEquals(0.9003320053750442, w1, 1e-12);
        assertEquals(w1 * 0.7 + (2 - w1) * 1.1, step.combinedLoss(), 1e-12);

        // Window 4 slides: r = (0.25/0.5, 0.9/0.9) = (0.5, 1).
        dwa.endOfWindow(v(0.25, 0.9));
        double w1Next = 2 / (1 + Math.exp(0.25));
        assertVector(v(w1Next, 2 - w1Next), dwa.weights());
    }

    @Test
    void threeTasksFollowTheSoftmaxFormula() {
        DynamicWeightAverage dwa = new DynamicWeightAverage(3, 1.0);
        dwa.endOfWindow(v(2.0, 1.0, 4.0));
        dwa.endOfWindow(v(1.0, 1.0, 1.0)); // r = (0.5, 1, 0.25)
        double total = Math.exp(0.5) + Math.exp(1) + Math.exp(0.25);
        assertVector(v(3 * Math.exp(0.5) / total, 3 * Math.exp(1) / total, 3 * Math.exp(0.25) / total),
                dwa.combine(new StepInput(0, v(1, 1, 1))).weights());
    }
}
