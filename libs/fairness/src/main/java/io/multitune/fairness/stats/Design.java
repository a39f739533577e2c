package io.multitune.fairness.stats;

import io.multitune.evaluation.Arguments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How a bootstrap resamples the rows of a data set: rows are grouped into units (a unit is drawn whole) and units
 * into strata (each stratum is resampled on its own, keeping its number of units). A resample draws, in every stratum
 * with u units, u units uniformly with replacement, and lists the rows of the drawn units in draw order.
 * <ul>
 *   <li>{@link #rows(int)}: every row a unit, one stratum: the ordinary bootstrap;</li>
 *   <li>{@link #clusters(int[])}: the rows of one cluster (e.g. the counterfactuals of one source input) form a unit,
 *       one stratum: the cluster bootstrap;</li>
 *   <li>{@link #strata(int[])}: every row a unit, rows grouped into strata (e.g. group × gold class): the stratified
 *       bootstrap.</li>
 * </ul>
 * Two statistics computed on the same draw are paired; that is how paired differences are made.
 */
public final class Design {

    private final int rows;
    private final int[][] units;
    private final int[][] strata;

    private Design(int rows, int[][] units, int[][] strata) {
        this.rows = rows;
        this.units = units;
        this.strata = strata;
    }

    /** The ordinary bootstrap over n rows. */
    public static Design rows(int n) {
        Arguments.require(n > 0, "n", "must be positive, was " + n);
        int[][] units = new int[n][];
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            units[i] = new int[] {i};
            all[i] = i;
        }
        return new Design(n, units, new int[][] {all});
    }

    /** The cluster bootstrap: rows with the same cluster id are drawn together (ids are any integers). */
    public static Design clusters(int[] clusterOfRow) {
        Arguments.notNull(clusterOfRow, "clusterOfRow");
        Arguments.require(clusterOfRow.length > 0, "clusterOfRow", "must not be empty");
        int[][] units = groupBy(clusterOfRow);
        int[] all = new int[units.length];
        for (int u = 0; u < units.length; u++) {
            all[u] = u;
        }
        return new Design(clusterOfRow.length, units, new int[][] {all});
    }

    /** The stratified bootstrap: rows are resampled within the rows of the same stratum id. */
    public static Design strata(int[] stratumOfRow) {
        Arguments.notNull(stratumOfRow, "stratumOfRow");
        Arguments.require(stratumOfRow.length > 0, "stratumOfRow", "must not be empty");
        int n = stratumOfRow.length;
        int[][] units = new int[n][];
        for (int i = 0; i < n; i++) {
            units[i] = new int[] {i};
        }
        return new Design(n, units, groupBy(stratumOfRow));
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** Number of units (clusters, or rows). */
    public int units() {
        return units.length;
    }

    /** Number of strata. */
    public int strata() {
        return strata.length;
    }

    /** Every row once, in order: where the observed statistic is computed. */
    public int[] all() {
        int[] all = new int[rows];
        for (int i = 0; i < rows; i++) {
            all[i] = i;
        }
        return all;
    }

    /** One resample's rows. */
    public int[] draw(SplittableRandom random) {
        Arguments.notNull(random, "random");
        List<int[]> drawn = new ArrayList<>(units.length);
        int size = 0;
        for (int[] stratum : strata) {
            for (int k = 0; k < stratum.length; k++) {
                int[] unit = units[stratum[random.nextInt(stratum.length)]];
                drawn.add(unit);
                size += unit.length;
            }
        }
        int[] out = new int[size];
        int at = 0;
        for (int[] unit : drawn) {
            System.arraycopy(unit, 0, out, at, unit.length);
            at += unit.length;
        }
        return out;
    }

    /** Whether another design resamples the same rows the same way (so that paired statistics may share draws). */
    public boolean sameAs(Design other) {
        return other != null && rows == other.rows && java.util.Arrays.deepEquals(units, other.units)
                && java.util.Arrays.deepEquals(strata, other.strata);
    }

    private static int[][] groupBy(int[] keys) {
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            groups.computeIfAbsent(keys[i], k -> new ArrayList<>()).add(i);
        }
        int[][] out = new int[groups.size()][];
        int g = 0;
        for (List<Integer> members : groups.values()) {
            out[g++] = members.stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }
}
