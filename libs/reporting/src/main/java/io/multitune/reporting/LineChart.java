package io.multitune.reporting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A line chart over training steps: several named series, each a line with a marker and a tooltip per point. The
 * training curves, the validation curves and the task weights are all drawn by it, so they read alike.
 */
final class LineChart {

    /** One point; its tooltip says what it is (series, step, value). */
    record Point(double x, double y, String tooltip) {
    }

    /** One line; {@code dash} null for solid. */
    record Series(String name, String colour, String dash, List<Point> points) {
    }

    /** More points than this in a series and only the line carries tooltips, not one marker per point. */
    private static final int MAX_MARKERS = 80;

    private final String id;
    private final String cssClass;
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private double width = 600;
    private double height = 300;
    private boolean fromZero;

    /**
     * @param id       the SVG's id, or null
     * @param cssClass the SVG's class besides {@code chart}, or null
     * @param title    drawn at the top of the chart
     */
    LineChart(String id, String cssClass, String title, String xLabel, String yLabel) {
        this.id = id;
        this.cssClass = cssClass;
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    LineChart size(double w, double h) {
        this.width = w;
        this.height = h;
        return this;
    }

    /** The y axis starts at 0 (losses, weights) unless a figure is negative. */
    LineChart fromZero() {
        this.fromZero = true;
        return this;
    }

    String render(List<Series> all) {
        List<Series> series = all.stream().map(LineChart::finite).filter(s -> !s.points().isEmpty()).toList();
        SvgCanvas svg = new SvgCanvas(width, height, id, cssClass, title);
        svg.text(12, 20, title, "start", "chart-title", null);
        List<Legend.Entry> entries = series.stream()
                .map(s -> Legend.Entry.line(s.name(), s.colour(), s.dash())).toList();
        double legendHeight = Legend.draw(svg, 64, 42, width - 12, entries);
        Frame frame = new Frame(64, 42 + legendHeight, width - 64 - 20, height - 42 - legendHeight - 46);
        LinearScale x = LinearScale.nice(min(series, true), max(series, true), frame.left(), frame.right(), 5);
        double yLo = min(series, false);
        LinearScale y = LinearScale.nice(fromZero ? Math.min(0, yLo) : yLo, max(series, false), frame.bottom(),
                frame.top(), 4);
        Axes.left(svg, frame, y, yLabel);
        Axes.bottom(svg, frame, x, xLabel);
        for (Series s : series) {
            draw(svg, s, x, y);
        }
        return svg.render();
    }

    private static void draw(SvgCanvas svg, Series s, LinearScale x, LinearScale y) {
        List<Point> points = new ArrayList<>(s.points());
        points.sort(Comparator.comparingDouble(Point::x));
        List<double[]> xy = points.stream().map(p -> new double[] {x.map(p.x()), y.map(p.y())}).toList();
        svg.polyline(xy, s.colour(), 2, s.dash(), s.name());
        boolean every = points.size() <= MAX_MARKERS;
        for (int i = 0; i < points.size(); i++) {
            if (every || i == 0 || i == points.size() - 1) {
                svg.circle(xy.get(i)[0], xy.get(i)[1], every ? 3 : 3.5, s.colour(), points.get(i).tooltip());
            }
        }
    }

    private static Series finite(Series s) {
        return new Series(s.name(), s.colour(), s.dash(), s.points().stream()
                .filter(p -> Double.isFinite(p.x()) && Double.isFinite(p.y())).toList());
    }

    private static double min(List<Series> series, boolean xAxis) {
        return series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> xAxis ? p.x() : p.y())
                .filter(Double::isFinite).min().orElse(0);
    }

    private static double max(List<Series> series, boolean xAxis) {
        return series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> xAxis ? p.x() : p.y())
                .filter(Double::isFinite).max().orElse(1);
    }
}
