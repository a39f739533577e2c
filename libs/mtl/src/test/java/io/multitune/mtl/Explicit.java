package io.multitune.mtl;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Explicit gradient vectors for tests: the Gram matrix the trainer would hand over, and d = Σ c_i g_i. */
final class Explicit {

    static final double TOLERANCE = 1e-9;

    private Explicit() {
    }

    static double[] v(double... values) {
        return values;
    }

    static double[][] vectors(double[]... gradients) {
        return gradients;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    static double[] plus(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }

    static double[] times(double factor, double[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = factor * a[i];
        }
        return out;
    }

    static double[] mean(double[][] gradients) {
        double[] sum = new double[gradients[0].length];
        for (double[] g : gradients) {
            sum = plus(sum, g);
        }
        return times(1.0 / gradients.length, sum);
    }

    static double[][] gram(double[][] gradients) {
        int n = gradients.length;
        double[][] gram = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                gram[i][j] = dot(gradients[i], gradients[j]);
            }
        }
        return gram;
    }

    /** d = Σ_i c_i g_i, what the trainer forms on the device. */
    static double[] direction(double[] coefficients, double[][] gradients) {
        double[] d = new double[gradients[0].length];
        for (int i = 0; i < gradients.length; i++) {
            d = plus(d, times(coefficients[i], gradients[i]));
        }
        return d;
    }

    static TaskWeighting.StepInput withGram(long step, double[] losses, double[][] gradients) {
        return new TaskWeighting.StepInput(step, losses, gram(gradients), null);
    }

    static void assertVector(double[] expected, double[] actual, double tolerance) {
        assertEquals(expected.length, actual.length, "length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance, "entry " + i);
        }
    }

    static void assertVector(double[] expected, double[] actual) {
        assertVector(expected, actual, TOLERANCE);
    }
}
