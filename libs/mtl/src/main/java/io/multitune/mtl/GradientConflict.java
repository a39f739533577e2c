package io.multitune.mtl;

/**
 * Gradient-conflict telemetry: cos(g_i, g_j) = g_i·g_j / (‖g_i‖ ‖g_j‖) for every pair, from the same Gram matrix
 * the surgery methods use, so the trainer can report conflicts whatever the weighting strategy.
 */
public final class GradientConflict {

    private GradientConflict() {
    }

    /**
     * The T×T cosine matrix of the task gradients: 1 on the diagonal, and 0 wherever one of the two gradients is
     * zero (no direction, so no conflict). Values are clamped to [−1, 1] against rounding.
     */
    public static double[][] cosines(double[][] gram) {
        if (gram == null) {
            throw new IllegalArgumentException("gram must be given");
        }
        double[][] g = Checks.gram(gram);
        int n = g.length;
        double[][] cosines = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double normProduct = Math.sqrt(g[i][i]) * Math.sqrt(g[j][j]);
                cosines[i][j] = normProduct > 0 ? Math.max(-1, Math.min(1, g[i][j] / normProduct)) : 0;
            }
        }
        return cosines;
    }
}
