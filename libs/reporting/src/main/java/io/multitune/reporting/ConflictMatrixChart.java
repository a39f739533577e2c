package io.multitune.reporting;

import java.util.List;

/**
 * The gradient-conflict matrix as a heatmap: cos(g_i, g_j) between the task gradients, red where two tasks pull
 * the shared encoder in opposite directions, blue where they agree, with the value printed in each cell.
 */
final class ConflictMatrixChart {

    static final String ID = "chart-conflict-matrix";
    private static final double LEFT = 150;
    private static final double TOP = 130;

    private ConflictMatrixChart() {
    }

    /**
     * @param taskIds the rows' and columns' tasks
     * @param cosines row-major cosines; missing or null entries are drawn grey
     * @param step    the step the matrix was measured at
     */
    static String render(List<String> taskIds, List<List<Double>> cosines, long step) {
        int n = taskIds.size();
        double cell = Math.max(30, Math.min(76, 480.0 / Math.max(1, n)));
        double width = Math.max(560, LEFT + n * cell + 30);
        double height = TOP + n * cell + 86;
        SvgCanvas svg = new SvgCanvas(width, height, ID, null, "Gradient conflict matrix at step " + step);
        svg.text(12, 20, "Cosine between task gradients at step " + step, "start", "chart-title", null);
        for (int i = 0; i < n; i++) {
            String label = SvgCanvas.cut(taskIds.get(i), 18);
            svg.textWithTooltip(LEFT - 8, TOP + i * cell + cell / 2 + 4, label, taskIds.get(i), "end", "row-label");
            svg.rotatedText(LEFT + i * cell + cell / 2, TOP - 8, label, -40, "start", "row-label");
            for (int j = 0; j < n; j++) {
                cell(svg, taskIds, value(cosines, i, j), i, j, cell);
            }
        }
        legend(svg, TOP + n * cell + 26);
        return svg.render();
    }

    private static void cell(SvgCanvas svg, List<String> tasks, Double v, int i, int j, double size) {
        double x = LEFT + j * size;
        double y = TOP + i * size;
        String pair = tasks.get(i) + " × " + tasks.get(j);
        boolean known = Fmt.finite(v);
        svg.rect(x + 1, y + 1, size - 2, size - 2, known ? Palette.diverging(v) : Palette.MISSING,
                pair + ": cos = " + (known ? Fmt.num(v, 3) + " (" + reading(v) + ")" : "not measured"));
        svg.text(x + size / 2, y + size / 2 + 4, known ? Fmt.num(v, 2) : Fmt.DASH, "middle",
                size < 40 ? "cell-small" : "cell", known ? Palette.textOn(v) : "#111827");
    }

    private static String reading(double v) {
        return v < -0.05 ? "conflicting" : v > 0.05 ? "aligned" : "orthogonal";
    }

    private static void legend(SvgCanvas svg, double y) {
        double x = LEFT;
        double w = 16;
        for (int k = 0; k <= 20; k++) {
            double v = -1 + k * 0.1;
            svg.rect(x + k * w, y, w, 12, Palette.diverging(v), "cos = " + Fmt.num(v, 1));
        }
        for (double t : new double[] {-1, -0.5, 0, 0.5, 1}) {
            double px = x + (t + 1) / 0.1 * w + w / 2;
            svg.line(px, y + 12, px, y + 16, Palette.AXIS, 1, null);
            svg.text(px, y + 28, Fmt.tick(t, 0.5), "middle", "tick", null);
        }
        svg.text(x, y - 6, "cos(g_i, g_j): −1 conflicting · 0 orthogonal · +1 aligned", "start", "legend", null);
    }

    private static Double value(List<List<Double>> m, int i, int j) {
        if (m == null || i >= m.size() || m.get(i) == null || j >= m.get(i).size()) {
            return null;
        }
        return m.get(i).get(j);
    }
}
