package io.multitune.training.eval;

import io.multitune.training.batch.TaskTargets;

/** Pearson's r between predicted and true values, from running sums in double precision. */
public final class PearsonCorrelation implements TaskMetric {

    private long n;
    private double sumX;
    private double sumY;
    private double sumXX;
    private double sumYY;
    private double sumXY;

    @Override
    public String name() {
        return "pearson";
    }

    @Override
    public void add(float[] logits, long[] shape, TaskTargets targets) {
        float[] values = ((TaskTargets.Values) targets).values();
        for (int r = 0; r < values.length; r++) {
            add(logits[r], values[r]);
        }
    }

    /** One (prediction, truth) pair. */
    public void add(double x, double y) {
        n++;
        sumX += x;
        sumY += y;
        sumXX += x * x;
        sumYY += y * y;
        sumXY += x * y;
    }

    @Override
    public long examples() {
        return n;
    }

    @Override
    public double score() {
        if (n < 2) {
            return Double.NaN;
        }
        double covariance = sumXY - sumX * sumY / n;
        double varianceX = sumXX - sumX * sumX / n;
        double varianceY = sumYY - sumY * sumY / n;
        if (varianceX <= 0 || varianceY <= 0) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, covariance / Math.sqrt(varianceX * varianceY)));
    }
}
