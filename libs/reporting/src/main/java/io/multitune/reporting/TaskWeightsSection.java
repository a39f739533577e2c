package io.multitune.reporting;

import io.multitune.events.RunPlanned;
import io.multitune.events.TrainingProgress;
import java.util.ArrayList;
import java.util.List;

/**
 * The weighting strategy at work: each task's weight in the multi-task job over steps. A flat line is equal or
 * static weighting; a weight falling to 0 is a task stopped by early stopping.
 */
final class TaskWeightsSection {

    static final String ID = "chart-task-weights";

    private TaskWeightsSection() {
    }

    static void write(Html html, RunContext run) {
        html.open("section", "id", "task-weights").element("h2", "Task weights");
        List<TrainingProgress> progress = run.progress(run.mtlJobId().orElse(null));
        List<LineChart.Series> series = new ArrayList<>();
        List<String> tasks = run.taskIds();
        for (int i = 0; i < tasks.size(); i++) {
            List<LineChart.Point> points = points(tasks.get(i), progress);
            if (!points.isEmpty()) {
                series.add(new LineChart.Series(tasks.get(i), Palette.task(i), Palette.taskDash(i), points));
            }
        }
        if (series.isEmpty()) {
            html.element("p", "The multi-task job reported no task weights.", "class", "note");
        } else {
            html.element("p", "Weight of each task's loss in the multi-task job at the last step of each progress "
                    + "event (strategy: " + strategy(run) + ").", "class", "explain");
            html.open("div", "class", "chart-wrap").raw(new LineChart(ID, null, "Task weights of the multi-task job",
                    "step", "weight").size(980, 340).fromZero().render(series)).close("div");
        }
        html.close("section").newline();
    }

    private static List<LineChart.Point> points(String task, List<TrainingProgress> progress) {
        List<LineChart.Point> points = new ArrayList<>();
        for (TrainingProgress p : progress) {
            Double w = p.taskWeight() == null ? null : p.taskWeight().get(task);
            if (Fmt.finite(w)) {
                points.add(new LineChart.Point(p.step(), w, task + " · step " + p.step() + ": weight "
                        + Fmt.value(w)));
            }
        }
        return points;
    }

    private static String strategy(RunContext run) {
        return run.plan().map(RunPlanned::request).map(r -> RequestText.weighting(r.weighting())).orElse(Fmt.DASH);
    }
}
