package io.multitune.evaluation.stats;

import io.multitune.evaluation.Arguments;

import java.util.ArrayList;
import java.util.List;

/** Picks the resampled examples out of per-example arrays, to write bootstrap metrics in one line. */
public final class Resamples {

    private Resamples() {
    }

    /** values[indices[0]], values[indices[1]], …. */
    public static int[] select(int[] values, int[] indices) {
        Arguments.notNull(values, "values");
        Arguments.notNull(indices, "indices");
        int[] out = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = values[indices[i]];
        }
        return out;
    }

    /** values[indices[0]], values[indices[1]], …. */
    public static double[] select(double[] values, int[] indices) {
        Arguments.notNull(values, "values");
        Arguments.notNull(indices, "indices");
        double[] out = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = values[indices[i]];
        }
        return out;
    }

    /** values[indices[0]], values[indices[1]], …. */
    public static boolean[] select(boolean[] values, int[] indices) {
        Arguments.notNull(values, "values");
        Arguments.notNull(indices, "indices");
        boolean[] out = new boolean[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = values[indices[i]];
        }
        return out;
    }

    /** values.get(indices[0]), values.get(indices[1]), …. */
    public static <T> List<T> select(List<T> values, int[] indices) {
        Arguments.notNull(values, "values");
        Arguments.notNull(indices, "indices");
        List<T> out = new ArrayList<>(indices.length);
        for (int index : indices) {
            out.add(values.get(index));
        }
        return out;
    }
}
