package io.multitune.reporting;

import io.multitune.events.TrainingProgress;
import io.multitune.events.ValidationReported;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One task's training, multi-task job against the task's baseline job: the training loss over steps from the
 * trainer's progress events, and the validation metric per round. Two lines on one axis show at a glance whether
 * sharing the encoder slowed or sped up the task's learning.
 */
final class TrainingCurvesChart {

    static final String LOSS_CLASS = "chart-training-curve";
    static final String VALIDATION_CLASS = "chart-validation-curve";

    private TrainingCurvesChart() {
    }

    /** The loss chart, or null when neither job reported a loss for the task. */
    static String loss(String taskId, List<TrainingProgress> mtl, List<TrainingProgress> stl) {
        List<LineChart.Series> series = new ArrayList<>();
        series.add(new LineChart.Series("multi-task", Palette.MTL, null, lossPoints(taskId, mtl, "multi-task")));
        series.add(new LineChart.Series("baseline", Palette.STL, "6 3", lossPoints(taskId, stl, "baseline")));
        if (series.stream().allMatch(s -> s.points().isEmpty())) {
            return null;
        }
        return new LineChart(null, LOSS_CLASS, taskId + " · training loss", "step", "loss").size(480, 270)
                .fromZero().render(series);
    }

    /** The validation chart (the metric, else the loss when no round had a metric), or null without rounds. */
    static String validation(String taskId, List<ValidationReported> mtl, List<ValidationReported> stl) {
        boolean scored = hasScore(taskId, mtl) || hasScore(taskId, stl);
        List<LineChart.Series> series = List.of(
                new LineChart.Series("multi-task", Palette.MTL, null, roundPoints(taskId, mtl, "multi-task", scored)),
                new LineChart.Series("baseline", Palette.STL, "6 3", roundPoints(taskId, stl, "baseline", scored)));
        if (series.stream().allMatch(s -> s.points().isEmpty())) {
            return null;
        }
        String metric = scored ? metricName(taskId, mtl, stl) : "validation loss";
        LineChart chart = new LineChart(null, VALIDATION_CLASS, taskId + " · validation " + metric, "step",
                metric).size(480, 270);
        return (scored ? chart : chart.fromZero()).render(series);
    }

    private static List<LineChart.Point> lossPoints(String taskId, List<TrainingProgress> events, String model) {
        List<LineChart.Point> points = new ArrayList<>();
        for (TrainingProgress p : events) {
            Double loss = p.taskLoss() == null ? null : p.taskLoss().get(taskId);
            if (Fmt.finite(loss)) {
                points.add(new LineChart.Point(p.step(), loss, taskId + " · " + model + " · step " + p.step()
                        + ": loss " + Fmt.value(loss)));
            }
        }
        return points;
    }

    private static List<LineChart.Point> roundPoints(String taskId, List<ValidationReported> rounds, String model,
                                                     boolean score) {
        List<LineChart.Point> points = new ArrayList<>();
        for (ValidationReported r : rounds) {
            ValidationReported.TaskResult t = result(r, taskId);
            Double v = t == null ? null : score ? t.score() : Double.valueOf(t.loss());
            if (Fmt.finite(v)) {
                points.add(new LineChart.Point(r.step(), v, taskId + " · " + model + " · round " + r.round()
                        + " (step " + r.step() + "): " + (score ? t.metric() : "loss") + " " + Fmt.value(v)
                        + (t.stopped() ? " · stopped" : "")));
            }
        }
        return points;
    }

    private static boolean hasScore(String taskId, List<ValidationReported> rounds) {
        return rounds.stream().map(r -> result(r, taskId)).anyMatch(t -> t != null && Fmt.finite(t.score()));
    }

    private static String metricName(String taskId, List<ValidationReported> mtl, List<ValidationReported> stl) {
        return java.util.stream.Stream.concat(mtl.stream(), stl.stream()).map(r -> result(r, taskId))
                .filter(Objects::nonNull).map(ValidationReported.TaskResult::metric).filter(Objects::nonNull)
                .findFirst().orElse("score");
    }

    private static ValidationReported.TaskResult result(ValidationReported r, String taskId) {
        Map<String, ValidationReported.TaskResult> tasks = r.tasks();
        return tasks == null ? null : tasks.get(taskId);
    }
}
