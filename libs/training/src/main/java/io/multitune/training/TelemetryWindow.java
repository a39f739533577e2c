package io.multitune.training;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Accumulates steps between two telemetry records. */
final class TelemetryWindow {

    private final List<String> taskIds;
    private final double[] lossSums;
    private final int[] lossCounts;
    private int steps;
    private double seconds;
    private long examples;
    private StepResult last;
    private double[][] conflicts;

    TelemetryWindow(List<String> taskIds) {
        this.taskIds = List.copyOf(taskIds);
        this.lossSums = new double[taskIds.size()];
        this.lossCounts = new int[taskIds.size()];
    }

    void add(StepResult step) {
        if (step.skipped()) {
            return;
        }
        for (int i = 0; i < lossSums.length; i++) {
            if (Double.isFinite(step.losses()[i])) {
                lossSums[i] += step.losses()[i];
                lossCounts[i]++;
            }
        }
        steps++;
        seconds += step.seconds();
        examples += step.examples();
        last = step;
        conflicts = step.conflicts() != null ? step.conflicts() : conflicts;
    }

    /** The record of the window so far, and a fresh window; null if no step updated the model. */
    TrainingTelemetry drain(String jobId, boolean[] pulling) {
        if (last == null) {
            return null;
        }
        Map<String, Double> losses = new LinkedHashMap<>();
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int i = 0; i < taskIds.size(); i++) {
            if (lossCounts[i] > 0) {
                losses.put(taskIds.get(i), lossSums[i] / lossCounts[i]);
            }
            weights.put(taskIds.get(i), pulling[i] ? last.weights()[i] : 0.0);
        }
        TrainingTelemetry record = new TrainingTelemetry(jobId, last.step(), steps, losses, weights,
                last.optimizer().learningRate(), seconds / steps, seconds > 0 ? examples / seconds : 0,
                last.optimizer().gradientNorm(), taskIds, conflicts);
        Arrays.fill(lossSums, 0);
        Arrays.fill(lossCounts, 0);
        steps = 0;
        seconds = 0;
        examples = 0;
        last = null;
        conflicts = null;
        return record;
    }
}
