package io.multitune.mtl;

import java.util.Arrays;

/**
 * CAGrad's inner problem on the Gram matrix: min over w in the probability simplex of
 * F(w) = g_w·g₀ + k ‖g_w‖ with g_w = Σ w_i g_i, g₀ = mean g_i and k = c ‖g₀‖ (= √φ). In Gram terms
 * F(w) = wᵀ G b + k √(wᵀ G w) with b = (1/T, ..., 1/T): convex, T-dimensional.
 * <p>
 * Solved by projected gradient descent with a backtracking (Armijo) step, which needs no step size tuning, until
 * the Frank-Wolfe duality gap max_v ∇F·(w − v) over the simplex's vertices — an upper bound on F(w) − min F, as
 * F is convex — is below a tolerance. G is first divided by its mean diagonal so the tolerances are relative to
 * the gradients' scale (the minimiser does not change: F scales by the same factor). A descent test on function
 * values cannot place w closer than about √(machine ε) ≈ 1e-8, where the gap stalls near 1e-9 to 1e-8; hence the
 * tolerance 1e-8, and the iterate with the smallest gap is returned if the iteration cap comes first. That is far
 * below the float32 precision the trainer forms d = Σ c_i g_i in.
 */
final class CaGradSolver {

    static final int MAX_ITERATIONS = 2_000;
    static final double GAP_TOLERANCE = 1e-8;
    /** Smooths √(wᵀGw) where g_w vanishes, relative to the normalised scale. */
    private static final double SMOOTHING = 1e-18;

    private CaGradSolver() {
    }

    /** The minimising simplex weights w for conflict-aversion strength c (k = c ‖g₀‖). */
    static double[] minimise(double[][] gram, double c) {
        int n = gram.length;
        double[] uniform = Vectors.filled(n, 1.0 / n);
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale += gram[i][i] / n;
        }
        if (scale <= 0) {
            return uniform; // every gradient is zero: any w gives d = 0
        }
        double[][] normalised = new double[n][];
        for (int i = 0; i < n; i++) {
            normalised[i] = Vectors.scaled(gram[i], 1 / scale);
        }
        double[] towardMean = Vectors.times(normalised, uniform); // entry i: g_i·g₀
        double k = c * Math.sqrt(Math.max(Vectors.dot(towardMean, uniform), 0));
        return new Problem(normalised, towardMean, k).solve(uniform);
    }

    /** Projection onto the probability simplex (Duchi, Shalev-Shwartz, Singer and Chandra 2008). */
    static double[] projectOntoSimplex(double[] v) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        double cumulative = 0;
        double threshold = 0;
        for (int i = sorted.length - 1, count = 1; i >= 0; i--, count++) {
            cumulative += sorted[i];
            double candidate = (cumulative - 1) / count;
            if (sorted[i] > candidate) {
                threshold = candidate;
            }
        }
        double[] projected = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            projected[i] = Math.max(v[i] - threshold, 0);
        }
        return projected;
    }

    private record Problem(double[][] gram, double[] towardMean, double k) {

        double value(double[] w) {
            return Vectors.dot(w, towardMean) + k * Math.sqrt(Math.max(Vectors.bilinear(gram, w, w), 0) + SMOOTHING);
        }

        double[] gradient(double[] w) {
            double[] gw = Vectors.times(gram, w);
            double norm = Math.sqrt(Math.max(Vectors.dot(gw, w), 0) + SMOOTHING);
            double[] gradient = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                gradient[i] = towardMean[i] + k * gw[i] / norm;
            }
            return gradient;
        }

        double[] solve(double[] start) {
            double[] w = start;
            double[] best = start;
            double bestGap = Double.POSITIVE_INFINITY;
            double step = 1;
            for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
                double[] gradient = gradient(w);
                double gap = Vectors.dot(gradient, w) - Arrays.stream(gradient).min().orElseThrow();
                if (gap < bestGap) {
                    best = w;
                    bestGap = gap;
                }
                if (gap <= GAP_TOLERANCE) {
                    break;
                }
                double value = value(w);
                double[] next;
                while (true) {
                    next = projectOntoSimplex(descend(w, gradient, step));
                    if (sufficientDecrease(w, next, gradient, value, step) || step < 1e-30) {
                        break;
                    }
                    step /= 2;
                }
                if (step < 1e-30) {
                    break; // no representable progress left (a kink where g_w vanishes)
                }
                w = next;
                step = Math.min(step * 2, 1e12);
            }
            return best;
        }

        private static double[] descend(double[] w, double[] gradient, double step) {
            double[] moved = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                moved[i] = w[i] - step * gradient[i];
            }
            return moved;
        }

        /** F(next) ≤ F(w) + ∇F·(next − w) + ‖next − w‖² / (2 step): the standard projected-gradient test. */
        private boolean sufficientDecrease(double[] w, double[] next, double[] gradient, double value, double step) {
            double linear = 0;
            double squared = 0;
            for (int i = 0; i < w.length; i++) {
                double delta = next[i] - w[i];
                linear += gradient[i] * delta;
                squared += delta * delta;
            }
            return value(next) <= value + linear + squared / (2 * step) + 1e-15 * Math.abs(value);
        }
    }
}
