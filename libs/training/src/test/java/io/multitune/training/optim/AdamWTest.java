package io.multitune.training.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.multitune.training.Fixtures;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** AdamW against the formulas computed by hand in double precision, on 2-element tensors. */
class AdamWTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = Fixtures.manager().newSubManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void twoStepsMatchTheHandComputation() {
        AdamWSettings settings = new AdamWSettings(0.9, 0.999, 1e-8, 0.1, 0);
        double lr = 0.01;
        double[] p = {0.5, -1.5};
        double[][] grads = {{0.2, -0.4}, {-0.1, 0.3}};
        double[] m = new double[2];
        double[] v = new double[2];
        NDArray parameter = manager.create(new float[] {0.5f, -1.5f});
        try (AdamW adamW = new AdamW(manager, settings, LearningRateSchedule.constant(lr))) {
            for (int t = 1; t <= 2; t++) {
                NDArray g = manager.create(new float[] {(float) grads[t - 1][0], (float) grads[t - 1][1]});
                adamW.step(List.of(new ParameterUpdate("p", parameter, g, true, 0)));
                for (int i = 0; i < 2; i++) {
                    p[i] *= 1 - lr * 0.1;
                    m[i] = 0.9 * m[i] + 0.1 * grads[t - 1][i];
                    v[i] = 0.999 * v[i] + 0.001 * grads[t - 1][i] * grads[t - 1][i];
                    double mHat = m[i] / (1 - Math.pow(0.9, t));
                    double vHat = v[i] / (1 - Math.pow(0.999, t));
                    p[i] -= lr * mHat / (Math.sqrt(vHat) + 1e-8);
                }
                assertArrayEquals(toFloats(p), parameter.toFloatArray(), 1e-6f, "after update " + t);
            }
            assertEquals(2, adamW.updates());
            AdamWState state = adamW.state();
            assertArrayEquals(toFloats(m), state.firstMoments().get("p").values(), 1e-7f);
            assertArrayEquals(toFloats(v), state.secondMoments().get("p").values(), 1e-9f);
        }
    }

    @Test
    void biasesAreNotDecayedAndHeadL2EntersTheGradient() {
        AdamWSettings settings = new AdamWSettings(0.9, 0.999, 1e-8, 0.5, 0);
        NDArray bias = manager.create(new float[] {1f, 2f});
        NDArray head = manager.create(new float[] {1f, -1f});
        try (AdamW adamW = new AdamW(manager, settings, LearningRateSchedule.constant(0.1))) {
            adamW.step(List.of(
                    new ParameterUpdate("bias", bias, manager.zeros(bias.getShape()), false, 0),
                    new ParameterUpdate("head", head, manager.zeros(head.getShape()), false, 2.0)));
        }
        // Zero gradient, no decay: the bias stays. The head's gradient is 2·p, so its first Adam step is
        // −lr · sign(p) (m̂/√v̂ = g/|g| at t = 1).
        assertArrayEquals(new float[] {1f, 2f}, bias.toFloatArray());
        assertArrayEquals(new float[] {0.9f, -0.9f}, head.toFloatArray(), 1e-6f);
    }

    @Test
    void clipsTheGlobalNormAcrossParameters() {
        AdamWSettings clipped = new AdamWSettings(0.9, 0.999, 1e-8, 0, 1.0);
        NDArray a = manager.create(new float[] {0f, 0f});
        NDArray b = manager.create(new float[] {0f});
        try (AdamW adamW = new AdamW(manager, clipped, LearningRateSchedule.constant(1.0))) {
            AdamW.Report report = adamW.step(List.of(
                    new ParameterUpdate("a", a, manager.create(new float[] {3f, 0f}), true, 0),
                    new ParameterUpdate("b", b, manager.create(new float[] {4f}), true, 0)));
            assertEquals(5.0, report.gradientNorm(), 1e-6);
            assertEquals(1.0 / (5.0 + 1e-6), report.clipScale(), 1e-9);
            AdamWState state = adamW.state();
            // m = (1 − β₁) · g · scale: the clipped gradient is (0.6, 0, 0.8).
            assertArrayEquals(new float[] {0.06f, 0f}, state.firstMoments().get("a").values(), 1e-6f);
            assertArrayEquals(new float[] {0.08f}, state.firstMoments().get("b").values(), 1e-6f);
        }
    }

    @Test
    void belowTheThresholdNothingIsClipped() {
        try (AdamW adamW = new AdamW(manager, AdamWSettings.DEFAULTS, LearningRateSchedule.constant(1.0))) {
            AdamW.Report report = adamW.step(List.of(new ParameterUpdate("a", manager.create(new float[] {0f}),
                    manager.create(new float[] {0.5f}), true, 0)));
            assertEquals(1.0, report.clipScale());
        }
    }

    @Test
    void refusesANonFiniteGradientBeforeTouchingParameters() {
        NDArray p = manager.create(new float[] {1f, 2f});
        try (AdamW adamW = new AdamW(manager, AdamWSettings.DEFAULTS, LearningRateSchedule.constant(1.0))) {
            assertThrows(IllegalStateException.class, () -> adamW.step(List.of(new ParameterUpdate("p", p,
                    manager.create(new float[] {Float.NaN, 1f}), true, 0))));
            assertArrayEquals(new float[] {1f, 2f}, p.toFloatArray());
            assertEquals(0, adamW.updates());
        }
    }

    @Test
    void restoredStateContinuesIdentically() {
        float[] grads = {0.3f, -0.2f, 0.1f, 0.05f};
        NDArray straight = manager.create(new float[] {1f, 1f});
        NDArray resumed = manager.create(new float[] {1f, 1f});
        LearningRateSchedule schedule = new LearningRateSchedule(0.1, 4, 1);
        try (AdamW a = new AdamW(manager, AdamWSettings.DEFAULTS, schedule);
             AdamW b = new AdamW(manager, AdamWSettings.DEFAULTS, schedule)) {
            for (int t = 0; t < 2; t++) {
                a.step(List.of(new ParameterUpdate("p", straight, manager.create(new float[] {grads[t], grads[t]}),
                        true, 0)));
                b.step(List.of(new ParameterUpdate("p", resumed, manager.create(new float[] {grads[t], grads[t]}),
                        true, 0)));
            }
            try (AdamW c = new AdamW(manager, AdamWSettings.DEFAULTS, schedule)) {
                c.restore(b.state());
                for (int t = 2; t < 4; t++) {
                    a.step(List.of(new ParameterUpdate("p", straight,
                            manager.create(new float[] {grads[t], grads[t]}), true, 0)));
                    c.step(List.of(new ParameterUpdate("p", resumed,
                            manager.create(new float[] {grads[t], grads[t]}), true, 0)));
                }
            }
        }
        assertArrayEquals(straight.toFloatArray(), resumed.toFloatArray(), 0f);
    }

    private static float[] toFloats(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return f;
    }
}
