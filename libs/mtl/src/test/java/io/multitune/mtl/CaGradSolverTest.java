package io.multitune.mtl;

import static io.multitune.mtl.Explicit.assertVector;
import static io.multitune.mtl.Explicit.gram;
import static io.multitune.mtl.Explicit.v;
import static io.multitune.mtl.Explicit.vectors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The simplex-constrained inner problem of CAGrad, checked against projection rules and a brute-force grid. */
class CaGradSolverTest {

    private static double objective(double[][] gram, double[] w, double c) {
        int n = w.length;
        double[] mean = Vectors.filled(n, 1.0 / n);
        double k = c * Math.sqrt(Vectors.bilinear(gram, mean, mean));
        return Vectors.bilinear(gram, w, mean) + k * Math.sqrt(Math.max(Vectors.bilinear(gram, w, w), 0));
    }

    @Test
    void projectionOntoTheSimplex() {
        assertVector(v(0.5, 0.5), CaGradSolver.projectOntoSimplex(v(0.5, 0.5)));
        assertVector(v(1, 0), CaGradSolver.projectOntoSimplex(v(3, 0)));
        assertVector(v(0.75, 0.25, 0), CaGradSolver.projectOntoSimplex(v(1, 0.5, -2)));
        assertVector(v(1.0 / 3, 1.0 / 3, 1.0 / 3), CaGradSolver.projectOntoSimplex(v(-1, -1, -1)));
    }

    @Test
    void solutionIsAtLeastAsGoodAsEveryPointOfAFineGrid() {
        Random random = new Random(3);
        for (int trial = 0; trial < 20; trial++) {
            double[][] g = new double[3][4];
            for (double[] row : g) {
                for (int k = 0; k < row.length; k++) {
                    row[k] = random.nextGaussian() * (trial + 1); // scale should not matter
                }
            }
            double[][] gram = gram(g);
            double[] w = CaGradSolver.minimise(gram, 0.4);
            assertEquals(1, w[0] + w[1] + w[2], 1e-12);
            assertTrue(w[0] >= 0 && w[1] >= 0 && w[2] >= 0);
            double found = objective(gram, w, 0.4);
            int steps = 200;
            for (int a = 0; a <= steps; a++) {
                for (int b = 0; a + b <= steps; b++) {
                    double[] grid = v(a / (double) steps, b / (double) steps, (steps - a - b) / (double) steps);
                    assertTrue(found <= objective(gram, grid, 0.4) + 1e-8 * (gram[0][0] + gram[1][1] + gram[2][2]),
                            "trial " + trial + ": grid point " + java.util.Arrays.toString(grid) + " is better");
                }
            }
        }
    }

    @Test
    void zeroGradientsGiveTheUniformWeights() {
        assertVector(v(0.5, 0.5), CaGradSolver.minimise(gram(vectors(v(0, 0), v(0, 0))), 0.4));
    }
}
