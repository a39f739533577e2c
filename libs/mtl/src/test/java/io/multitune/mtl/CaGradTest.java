package io.multitune.mtl;

import static io.multitune.mtl.Explicit.assertVector;
import static io.multitune.mtl.Explicit.direction;
import static io.multitune.mtl.Explicit.dot;
import static io.multitune.mtl.Explicit.mean;
import static io.multitune.mtl.Explicit.norm;
import static io.multitune.mtl.Explicit.plus;
import static io.multitune.mtl.Explicit.times;
import static io.multitune.mtl.Explicit.v;
import static io.multitune.mtl.Explicit.vectors;
import static io.multitune.mtl.Explicit.withGram;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.mtl.TaskWeighting.Step;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Liu et al.: d = g₀ + (√φ/‖g_w‖) g_w with w minimising g_w·g₀ + √φ‖g_w‖ over the simplex; update d / (1 + c²). */
class CaGradTest {

    private static final double C = 0.4;

    /** Two tasks on explicit vectors: the simplex is w = (t, 1 − t), minimised by a fine scan and golden section. */
    private static double[] directCaGrad(double[][] g, double c) {
        double[] g0 = mean(g);
        double sqrtPhi = c * norm(g0);
        java.util.function.DoubleUnaryOperator objective = t -> {
            double[] gw = plus(times(t, g[0]), times(1 - t, g[1]));
            return dot(gw, g0) + sqrtPhi * norm(gw);
        };
        double best = 0;
        for (int k = 0; k <= 10_000; k++) {
            if (objective.applyAsDouble(k / 10_000.0) < objective.applyAsDouble(best)) {
                best = k / 10_000.0;
            }
        }
        double lo = Math.max(0, best - 1e-4);
        double hi = Math.min(1, best + 1e-4);
        double ratio = (Math.sqrt(5) - 1) / 2;
        for (int k = 0; k < 200; k++) {
            double a = hi - ratio * (hi - lo);
            double b = lo + ratio * (hi - lo);
            if (objective.applyAsDouble(a) < objective.applyAsDouble(b)) {
                hi = b;
            } else {
                lo = a;
            }
        }
        double t = (lo + hi) / 2;
        double[] gw = plus(times(t, g[0]), times(1 - t, g[1]));
        return times(1 / (1 + c * c), plus(g0, times(sqrtPhi / norm(gw), gw)));
    }

    @Test
    void conflictingPairMatchesTheVectorAlgorithmAndImprovesBothTasksEqually() {
        double[][] g = vectors(v(1, 0), v(-0.5, 1)); // g_1·g_2 = −0.5
        Step step = new CaGrad(2, C).combine(withGram(0, v(1, 2), g));
        double[] d = direction(step.coefficients(), g);

        assertVector(directCaGrad(g, C), d, 1e-7);
        // Reference values from an independent solver (SciPy SLSQP), before the 1/(1 + c²) rescale.
        assertVector(v(0.42561315, 0.63841973), times(1 + C * C, d), 1e-6);
        // The interior optimum equalises the tasks' rates of improvement.
        assertEquals(dot(g[0], d), dot(g[1], d), 1e-7);
        assertEquals(1.5, step.combinedLoss(), 1e-12); // mean loss
    }

    @Test
    void directionImprovesATaskTheMeanGradientWouldHurt() {
        double[][] g = vectors(v(4, 1), v(-1, 1));
        double[] g0 = mean(g);
        assertTrue(dot(g[1], g0) < 0, "the mean gradient conflicts with task 2");

        double[] d = direction(new CaGrad(2, C).combine(withGram(0, v(1, 1), g)).coefficients(), g);
        for (double[] gi : g) {
            assertTrue(dot(gi, d) >= 0, "d·g_i = " + dot(gi, d));
        }
        assertVector(directCaGrad(g, C), d, 1e-7);
        // d stays within the ball of radius c‖g₀‖ around g₀ (on the boundary, before the rescale).
        assertEquals(C * norm(g0), norm(plus(times(1 + C * C, d), times(-1, g0))), 1e-9);
    }

    @Test
    void agreeingGradientsGiveAMultipleOfTheMeanGradient() {
        // Positively collinear gradients: g_w ∥ g₀, so d = g₀ + c‖g₀‖ ĝ₀ = (1 + c) g₀, then / (1 + c²).
        double[][] g = vectors(v(1, 2, 0, -1), v(2, 4, 0, -2), v(0.5, 1, 0, -0.5));
        double[] d = direction(new CaGrad(3, C).combine(withGram(0, v(1, 1, 1), g)).coefficients(), g);
        assertVector(times((1 + C) / (1 + C * C), mean(g)), d, 1e-9);
    }

    @Test
    void zeroStrengthIsGradientDescentOnTheMeanLoss() {
        double[][] g = vectors(v(1, 0), v(-3, 1), v(0, 2));
        Step step = new CaGrad(3, 0).combine(withGram(0, v(1, 1, 1), g));
        assertVector(v(1.0 / 3, 1.0 / 3, 1.0 / 3), step.coefficients());
    }

    @Test
    void cancellingGradientsGiveBoundedCoefficients() {
        // g_1 + g_2 = 0: g₀ = 0, so φ = 0 and d = 0.
        double[][] opposite = vectors(v(1, 2), v(-1, -2));
        Step step = new CaGrad(2, C).combine(withGram(0, v(1, 1), opposite));
        assertVector(v(0, 0), direction(step.coefficients(), opposite), 1e-12);

        // A convex combination vanishes (w = (½, ½, 0)) although g₀ ≠ 0: no blow-up, progress on task 3.
        double[][] g = vectors(v(1, 0), v(-1, 0), v(0, 1));
        Step degenerate = new CaGrad(3, C).combine(withGram(0, v(1, 1, 1), g));
        for (double coefficient : degenerate.coefficients()) {
            assertTrue(Math.abs(coefficient) < 10, "coefficient " + coefficient);
        }
        double[] d = direction(degenerate.coefficients(), g);
        assertTrue(dot(d, g[2]) > 0);
        assertTrue(dot(d, g[0]) >= -1e-9 && dot(d, g[1]) >= -1e-9);
    }

    @Test
    void worstTaskImprovesAtLeastAsMuchAsUnderTheMeanGradient() {
        // CAGrad maximises min_i g_i·d over the ball around g₀ that contains g₀ itself.
        Random random = new Random(11);
        CaGrad caGrad = new CaGrad(4, 0.5);
        for (int trial = 0; trial < 100; trial++) {
            double[][] g = new double[4][5];
            for (double[] row : g) {
                for (int k = 0; k < row.length; k++) {
                    row[k] = random.nextGaussian();
                }
            }
            double[] d = times(1 + 0.25, direction(caGrad.combine(withGram(trial, v(1, 1, 1, 1), g))
                    .coefficients(), g));
            double[] g0 = mean(g);
            double worstWithD = Double.MAX_VALUE;
            double worstWithMean = Double.MAX_VALUE;
            for (double[] gi : g) {
                worstWithD = Math.min(worstWithD, dot(gi, d));
                worstWithMean = Math.min(worstWithMean, dot(gi, g0));
            }
            assertTrue(worstWithD >= worstWithMean - 1e-7, "trial " + trial);
            assertTrue(norm(plus(d, times(-1, g0))) <= 0.5 * norm(g0) + 1e-9, "inside the ball, trial " + trial);
        }
    }
}
