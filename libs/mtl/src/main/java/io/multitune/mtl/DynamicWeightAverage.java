package io.multitune.mtl;

import java.util.HashMap;
import java.util.Map;

/**
 * Dynamic Weight Average (Liu, Johns and Davison, CVPR 2019, MTAN). From the mean task losses of the two previous
 * windows, r_i = L̄_i(t−1) / L̄_i(t−2) and w = T · softmax(r / τ): a task whose loss fell less gets more weight.
 * w_i = 1 until two windows have ended. The weights change only in {@link #endOfWindow}, which the trainer calls
 * with each window's mean losses; within a window every step uses the same weights and c_i = w_i.
 * A task whose earlier window mean is not positive (no ratio) gets r_i = 1.
 */
public final class DynamicWeightAverage implements TaskWeighting {

    public static final String NAME = "dwa";
    public static final double DEFAULT_TEMPERATURE = 2.0;

    private final int tasks;
    private final double temperature;
    private double[] previousWindow;       // L̄(t−1)
    private double[] windowBeforePrevious; // L̄(t−2)
    private double[] weights;

    public DynamicWeightAverage(int tasks, double temperature) {
        this.tasks = Checks.tasks(tasks);
        this.temperature = Checks.positive(temperature, "temperature");
        this.weights = Vectors.filled(tasks, 1);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int tasks() {
        return tasks;
    }

    @Override
    public Step combine(StepInput input) {
        double[] losses = Checks.losses(input, tasks);
        return new Step(weights.clone(), weights.clone(), Vectors.dot(weights, losses));
    }

    @Override
    public void endOfWindow(double[] meanLosses) {
        double[] means = Checks.length(meanLosses, tasks, "meanLosses").clone();
        windowBeforePrevious = previousWindow;
        previousWindow = means;
        weights = windowBeforePrevious == null ? Vectors.filled(tasks, 1) : weightsFrom(previousWindow,
                windowBeforePrevious);
    }

    private double[] weightsFrom(double[] last, double[] beforeLast) {
        double[] scaledRatios = new double[tasks];
        for (int i = 0; i < tasks; i++) {
            double ratio = beforeLast[i] > 0 ? last[i] / beforeLast[i] : 1;
            scaledRatios[i] = ratio / temperature;
        }
        return Vectors.scaled(Vectors.softmax(scaledRatios), tasks);
    }

    /** The weights the current window uses, a copy. */
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public State state() {
        Map<String, double[]> arrays = new HashMap<>();
        if (previousWindow != null) {
            arrays.put("previousWindow", previousWindow.clone());
        }
        if (windowBeforePrevious != null) {
            arrays.put("windowBeforePrevious", windowBeforePrevious.clone());
        }
        return new State(NAME, arrays, Map.of());
    }

    @Override
    public void restore(State state) {
        States.requireStrategy(state, NAME);
        double[] last = States.optionalArray(state, "previousWindow", tasks);
        double[] beforeLast = States.optionalArray(state, "windowBeforePrevious", tasks);
        if (last == null && beforeLast != null) {
            throw new IllegalArgumentException("state of 'dwa' has windowBeforePrevious without previousWindow");
        }
        previousWindow = last;
        windowBeforePrevious = beforeLast;
        weights = beforeLast == null ? Vectors.filled(tasks, 1) : weightsFrom(last, beforeLast);
    }
}
