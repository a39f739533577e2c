package io.multitune.reporting;

import java.util.List;
import java.util.Locale;

/**
 * The report's colours, chosen to stay apart for colour-blind readers and to keep text contrast: one hue for the
 * multi-task model and one for the baseline everywhere, a red kept for negative transfer, a categorical set per task
 * and a red-white-blue diverging scale for cosines.
 */
final class Palette {

    static final String MTL = "#1f6fb2";
    static final String STL = "#e39b2d";
    static final String NEGATIVE = "#c0392b";
    static final String POSITIVE = "#1e8449";
    static final String NEUTRAL = "#6b7280";
    static final String AXIS = "#4b5563";
    static final String GRID = "#e5e7eb";
    static final String MISSING = "#d1d5db";

    private static final List<String> TASKS = List.of("#4e79a7", "#f28e2b", "#e15759", "#59a14f", "#b07aa1",
            "#76b7b2", "#edc948", "#9c755f", "#ff9da7", "#7f7f7f");
    private static final List<String> DASHES = List.of("", "6 3", "2 3");
    private static final int[][] DIVERGING = {
            {0xb2, 0x18, 0x2b}, {0xef, 0x8a, 0x62}, {0xf7, 0xf7, 0xf7}, {0x67, 0xa9, 0xcf}, {0x21, 0x66, 0xac}};

    private Palette() {
    }

    /** The colour of the i-th task; after ten tasks the colours repeat with another {@link #taskDash}. */
    static String task(int i) {
        return TASKS.get(Math.floorMod(i, TASKS.size()));
    }

    /** The dash pattern of the i-th task's line (null for solid), telling apart tasks that share a colour. */
    static String taskDash(int i) {
        String dash = DASHES.get(Math.floorMod(i / TASKS.size(), DASHES.size()));
        return dash.isEmpty() ? null : dash;
    }

    /** Red for -1 through white for 0 to blue for +1; values beyond are held at the ends. */
    static String diverging(double v) {
        double t = (Math.max(-1, Math.min(1, v)) + 1) / 2 * (DIVERGING.length - 1);
        int i = (int) Math.min(DIVERGING.length - 2, Math.floor(t));
        double f = t - i;
        int[] a = DIVERGING[i];
        int[] b = DIVERGING[i + 1];
        return String.format(Locale.ROOT, "#%02x%02x%02x", mix(a[0], b[0], f), mix(a[1], b[1], f), mix(a[2], b[2], f));
    }

    /** Dark text on light cells, white on dark ones. */
    static String textOn(double v) {
        return Math.abs(v) > 0.6 ? "#ffffff" : "#111827";
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
