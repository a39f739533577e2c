package io.multitune.mtl;

import java.util.Arrays;

/** Small dense helpers over task-indexed arrays and the Gram matrix. */
final class Vectors {

    private Vectors() {
    }

    static double[] filled(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }

    static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** G a: with a the coefficients of a vector v = Σ a_k g_k, entry j is v·g_j. */
    static double[] times(double[][] gram, double[] a) {
        double[] out = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            double s = 0;
            for (int k = 0; k < a.length; k++) {
                s += a[k] * gram[k][j];
            }
            out[j] = s;
        }
        return out;
    }

    /** aᵀ G b = (Σ a_k g_k)·(Σ b_k g_k). */
    static double bilinear(double[][] gram, double[] a, double[] b) {
        return dot(times(gram, a), b);
    }

    /** softmax, shifted by the maximum so large logits do not overflow. */
    static double[] softmax(double[] logits) {
        double max = Arrays.stream(logits).max().orElse(0);
        double[] e = new double[logits.length];
        double total = 0;
        for (int i = 0; i < logits.length; i++) {
            e[i] = Math.exp(logits[i] - max);
            total += e[i];
        }
        for (int i = 0; i < e.length; i++) {
            e[i] /= total;
        }
        return e;
    }

    static double[] scaled(double[] a, double factor) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * factor;
        }
        return out;
    }
}
