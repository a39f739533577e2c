package io.multitune.mtl;

/** Argument checks shared by the strategies; a bad number from the trainer fails loudly before it corrupts state. */
final class Checks {

    private Checks() {
    }

    static double[] finite(double[] values, String what) {
        if (values == null) {
            throw new IllegalArgumentException(what + " must be given");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(what + "[" + i + "] is not finite: " + values[i]);
            }
        }
        return values;
    }

    static double[] nonNegative(double[] values, String what) {
        finite(values, what);
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0) {
                throw new IllegalArgumentException(what + "[" + i + "] must be >= 0, got " + values[i]);
            }
        }
        return values;
    }

    static double[] length(double[] values, int tasks, String what) {
        finite(values, what);
        if (values.length != tasks) {
            throw new IllegalArgumentException(what + " has " + values.length + " entries for " + tasks + " tasks");
        }
        return values;
    }

    /**
     * A finite square matrix with a non-negative diagonal (squared norms), copied and symmetrised: dot products
     * computed on the device in different orders may differ in their last bits, and the methods assume G = Gᵀ.
     */
    static double[][] gram(double[][] gram) {
        double[][] copy = new double[gram.length][];
        for (int i = 0; i < gram.length; i++) {
            if (gram[i] == null || gram[i].length != gram.length) {
                throw new IllegalArgumentException("gram must be square, row " + i + " is not of length "
                        + gram.length);
            }
            copy[i] = finite(gram[i], "gram[" + i + "]").clone();
            if (copy[i][i] < 0) {
                throw new IllegalArgumentException("gram[" + i + "][" + i + "] is a squared norm, got " + copy[i][i]);
            }
        }
        for (int i = 0; i < copy.length; i++) {
            for (int j = 0; j < i; j++) {
                double mean = (copy[i][j] + copy[j][i]) / 2;
                copy[i][j] = mean;
                copy[j][i] = mean;
            }
        }
        return copy;
    }

    static double[] losses(TaskWeighting.StepInput input, int tasks) {
        return length(input.losses(), tasks, "losses");
    }

    static double[][] gram(TaskWeighting.StepInput input, int tasks) {
        double[][] gram = input.gram();
        if (gram == null) {
            throw new IllegalArgumentException("this strategy needs the Gram matrix of the task gradients");
        }
        if (gram.length != tasks) {
            throw new IllegalArgumentException("gram is " + gram.length + "x" + gram.length + " for " + tasks
                    + " tasks");
        }
        return gram;
    }

    static int tasks(int tasks) {
        if (tasks < 1) {
            throw new IllegalArgumentException("tasks must be >= 1, got " + tasks);
        }
        return tasks;
    }

    static double positive(double value, String what) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be > 0, got " + value);
        }
        return value;
    }

    static double nonNegative(double value, String what) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be >= 0, got " + value);
        }
        return value;
    }
}
