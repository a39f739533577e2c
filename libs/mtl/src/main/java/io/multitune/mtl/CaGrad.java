package io.multitune.mtl;

/**
 * CAGrad, conflict-averse gradient descent (Liu, Liu, Jin, Stone and Liu, NeurIPS 2021). With g₀ = mean g_i and
 * φ = c² ‖g₀‖², it finds w in the simplex minimising g_w·g₀ + √φ ‖g_w‖ ({@link CaGradSolver}, on the Gram matrix)
 * and moves along d = g₀ + (√φ / ‖g_w‖) g_w: the direction within distance c‖g₀‖ of g₀ that maximises the worst
 * task's rate of improvement. The update is d / (1 + c²), the authors' default rescale (their code's rescale=1),
 * which keeps the step comparable to plain gradient descent on the mean loss: when all gradients agree,
 * d = (1 + c) g₀ before the rescale.
 * <p>
 * In coefficients: c_i = (1/T + λ w_i) / (1 + c²) with λ = √φ / ‖g_w‖. When ‖g_w‖ is numerically zero (below
 * 1e-6 of the largest gradient norm: the gradients cancel), the direction of g_w is undefined and λ would blow up
 * coefficients of cancelling vectors, so λ = 0 and d = g₀ / (1 + c²), as the authors' code effectively does.
 */
public final class CaGrad implements TaskWeighting {

    public static final String NAME = "cagrad";
    public static final double DEFAULT_C = 0.4;
    static final double VANISHING_RELATIVE_NORM = 1e-6;

    private final int tasks;
    private final double c;

    /** @param c conflict-aversion strength in [0, 1); 0 is gradient descent on the mean loss */
    public CaGrad(int tasks, double c) {
        this.tasks = Checks.tasks(tasks);
        if (!(c >= 0 && c < 1)) {
            throw new IllegalArgumentException("c must be in [0, 1), got " + c);
        }
        this.c = c;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int tasks() {
        return tasks;
    }

    @Override
    public boolean needsGradients() {
        return true;
    }

    @Override
    public Step combine(StepInput input) {
        double[] losses = Checks.losses(input, tasks);
        double[][] gram = Checks.gram(input, tasks);
        double[] mean = Vectors.filled(tasks, 1.0 / tasks);
        double sqrtPhi = c * Math.sqrt(Math.max(Vectors.bilinear(gram, mean, mean), 0));
        double[] w = sqrtPhi > 0 ? CaGradSolver.minimise(gram, c) : mean;
        double gwNorm = Math.sqrt(Math.max(Vectors.bilinear(gram, w, w), 0));
        double lambda = gwNorm > VANISHING_RELATIVE_NORM * largestNorm(gram) ? sqrtPhi / gwNorm : 0;
        double rescale = 1 + c * c;
        double[] coefficients = new double[tasks];
        for (int i = 0; i < tasks; i++) {
            coefficients[i] = (mean[i] + lambda * w[i]) / rescale;
        }
        return new Step(coefficients, coefficients.clone(), Vectors.sum(losses) / tasks);
    }

    private static double largestNorm(double[][] gram) {
        double max = 0;
        for (int i = 0; i < gram.length; i++) {
            max = Math.max(max, gram[i][i]);
        }
        return Math.sqrt(max);
    }

    @Override
    public State state() {
        return States.empty(NAME);
    }

    @Override
    public void restore(State state) {
        States.requireStrategy(state, NAME);
    }
}
