package io.multitune.mtl;

import static io.multitune.mtl.Explicit.assertVector;
import static io.multitune.mtl.Explicit.direction;
import static io.multitune.mtl.Explicit.dot;
import static io.multitune.mtl.Explicit.gram;
import static io.multitune.mtl.Explicit.plus;
import static io.multitune.mtl.Explicit.times;
import static io.multitune.mtl.Explicit.v;
import static io.multitune.mtl.Explicit.vectors;
import static io.multitune.mtl.Explicit.withGram;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.mtl.TaskWeighting.Step;
import io.multitune.mtl.TaskWeighting.StepInput;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Yu et al.: project each g_i on the normal plane of every conflicting original g_j; d = Σ g_i'. */
class PcGradTest {

    /** The textbook projection of g_i on the normal planes of the conflicting original g_j, in the given order. */
    private static double[] directProjected(double[][] g, int i, int[] order) {
        double[] projected = g[i].clone();
        for (int j : order) {
            double conflict = dot(projected, g[j]);
            if (conflict < 0) {
                projected = plus(projected, times(-conflict / dot(g[j], g[j]), g[j]));
            }
        }
        return projected;
    }

    /** d = Σ_i g_i', each task visiting the others in its given order. */
    private static double[] directPcGrad(double[][] g, int[][] orders) {
        double[] d = new double[g[0].length];
        for (int i = 0; i < g.length; i++) {
            d = plus(d, directProjected(g, i, orders[i]));
        }
        return d;
    }

    @Test
    void twoConflictingGradientsAreProjectedOnEachOthersNormalPlane() {
        double[][] g = vectors(v(1, 0), v(-1, 1)); // g_1·g_2 = −1 < 0
        PcGrad pcGrad = new PcGrad(2, 42);
        double[][] projected = pcGrad.projectedGradients(gram(g), 0);

        // g_1' = g_1 − (−1/2) g_2 = (0.5, 0.5); g_2' = g_2 − (−1/1) g_1 = (0, 1).
        assertVector(v(0.5, 0.5), direction(projected[0], g));
        assertVector(v(0, 1), direction(projected[1], g));
        assertEquals(0, dot(direction(projected[0], g), g[1]), 1e-12); // now orthogonal to the other task
        assertEquals(0, dot(direction(projected[1], g), g[0]), 1e-12);

        Step step = pcGrad.combine(withGram(0, v(0.3, 0.4), g));
        // g_1' = g_1 + ½ g_2 and g_2' = g_2 + g_1: d = 2 g_1 + 1.5 g_2 = (0.5, 1.5).
        assertVector(v(2, 1.5), step.coefficients());
        assertVector(v(0.5, 1.5), direction(step.coefficients(), g));
        assertEquals(0.7, step.combinedLoss(), 1e-12);
    }

    @Test
    void agreeingGradientsAreLeftAlone() {
        double[][] g = vectors(v(1, 0, 2), v(0.5, 1, 0), v(0, 0, 1));
        Step step = new PcGrad(3, 1).combine(withGram(3, v(1, 1, 1), g));
        assertVector(v(1, 1, 1), step.coefficients());
    }

    @Test
    void coefficientsReproduceTheVectorAlgorithmOnRandomGradients() {
        Random random = new Random(7);
        PcGrad pcGrad = new PcGrad(4, 99);
        for (long step = 0; step < 50; step++) {
            double[][] g = new double[4][3];
            for (double[] row : g) {
                for (int k = 0; k < row.length; k++) {
                    row[k] = random.nextGaussian();
                }
            }
            Step result = pcGrad.combine(withGram(step, v(1, 1, 1, 1), g));
            double[] expected = directPcGrad(g, pcGrad.visitingOrders(step));
            assertVector(expected, direction(result.coefficients(), g), 1e-9);
        }
    }

    @Test
    void theOrderMattersWithThreeTasksAndFollowsTheDrawnOrder() {
        // g_3 conflicts with both others; via g_1 then g_2 it becomes (0.1, −0.1), via g_2 then g_1 (0, 0.4).
        double[][] g = vectors(v(1, 0), v(1, 1), v(-1, -0.2));
        assertVector(v(0.1, -0.1), directProjected(g, 2, new int[] {0, 1}), 1e-12);
        assertVector(v(0, 0.4), directProjected(g, 2, new int[] {1, 0}), 1e-12);

        PcGrad pcGrad = new PcGrad(3, 5);
        for (long step = 0; step < 10; step++) {
            double[] d = direction(pcGrad.combine(withGram(step, v(1, 1, 1), g)).coefficients(), g);
            assertVector(directPcGrad(g, pcGrad.visitingOrders(step)), d, 1e-12);
        }
    }

    @Test
    void theOrderIsDeterministicGivenSeedAndStepAndVariesAcrossSteps() {
        PcGrad first = new PcGrad(4, 2024);
        PcGrad second = new PcGrad(4, 2024);
        Set<String> seen = new HashSet<>();
        for (long step = 0; step < 40; step++) {
            int[][] orders = first.visitingOrders(step);
            assertArrayEquals(orders, second.visitingOrders(step));
            assertArrayEquals(orders, first.visitingOrders(step)); // asking again changes nothing
            seen.add(Arrays.deepToString(orders));
        }
        assertTrue(seen.size() > 20, "orders should vary from step to step, saw " + seen.size());
        boolean otherSeedDiffers = false;
        for (long step = 0; step < 10; step++) {
            otherSeedDiffers |= !Arrays.deepEquals(first.visitingOrders(step), new PcGrad(4, 2025).visitingOrders(step));
        }
        assertTrue(otherSeedDiffers);
    }

    @Test
    void theGramMatrixIsRequired() {
        PcGrad pcGrad = new PcGrad(2, 0);
        assertTrue(pcGrad.needsGradients());
        assertThrows(IllegalArgumentException.class, () -> pcGrad.combine(new StepInput(0, v(1, 1))));
        assertThrows(IllegalArgumentException.class,
                () -> pcGrad.combine(new StepInput(0, v(1, 1), new double[][] {{1, 0}, {0}}, null)));
    }
}
