package io.multitune.reporting;

import java.util.ArrayList;
import java.util.List;

/** Maps a figure's domain onto pixels and picks round tick values, so every chart's axes read the same way. */
final class LinearScale {

    private final double d0;
    private final double d1;
    private final double r0;
    private final double r1;
    private final double step;

    private LinearScale(double d0, double d1, double r0, double r1, double step) {
        this.d0 = d0;
        this.d1 = d1;
        this.r0 = r0;
        this.r1 = r1;
        this.step = step;
    }

    /**
     * A scale whose domain covers [lo, hi] and is widened to whole tick steps.
     *
     * @param ticks about how many intervals the axis should show
     */
    static LinearScale nice(double lo, double hi, double r0, double r1, int ticks) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            lo = 0;
            hi = 1;
        }
        if (hi < lo) {
            double t = lo;
            lo = hi;
            hi = t;
        }
        if (hi - lo < 1e-12) {
            double pad = Math.abs(lo) > 1e-12 ? Math.abs(lo) * 0.1 : 1;
            lo -= pad;
            hi += pad;
        }
        double step = niceStep((hi - lo) / Math.max(1, ticks));
        return new LinearScale(Math.floor(lo / step + 1e-9) * step, Math.ceil(hi / step - 1e-9) * step, r0, r1, step);
    }

    static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double n = raw / magnitude;
        double f = n < 1.5 ? 1 : n < 3 ? 2 : n < 7 ? 5 : 10;
        return f * magnitude;
    }

    double map(double v) {
        return r0 + (v - d0) / (d1 - d0) * (r1 - r0);
    }

    /** The position of {@code v}, held inside the range (for figures beyond the axis). */
    double mapClamped(double v) {
        return map(Math.max(d0, Math.min(d1, v)));
    }

    double lower() {
        return d0;
    }

    double upper() {
        return d1;
    }

    double step() {
        return step;
    }

    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; ; i++) {
            double t = d0 + i * step;
            if (t > d1 + step * 1e-6) {
                return ticks;
            }
            ticks.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
    }

    String label(double tick) {
        return Fmt.tick(tick, step);
    }
}
