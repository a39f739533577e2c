package io.multitune.reporting;

import io.multitune.events.TrainingProgress;
import io.multitune.events.ValidationReported;
import java.util.List;

/**
 * Training curves per task as small multiples: the multi-task job's loss on the task beside the task's baseline
 * job, then the validation metric per round.
 */
final class TrainingCurvesSection {

    static final String ID = "training-curves";

    private TrainingCurvesSection() {
    }

    static void write(Html html, RunContext run) {
        html.open("section", "id", ID).element("h2", "Training curves");
        boolean any = run.input().progressByJob().values().stream().anyMatch(l -> l != null && !l.isEmpty())
                || run.input().validationByJob().values().stream().anyMatch(l -> l != null && !l.isEmpty());
        if (!any || run.taskIds().isEmpty()) {
            html.element("p", "The trainer sent no progress or validation events for this run, so there are no "
                    + "training curves.", "class", "note");
            html.close("section").newline();
            return;
        }
        html.element("p", "Mean training loss per task over the steps since the previous progress event "
                + "(solid: multi-task job, dashed: the task's baseline job), and the validation metric per round.",
                "class", "explain");
        List<TrainingProgress> mtlProgress = run.progress(run.mtlJobId().orElse(null));
        List<ValidationReported> mtlRounds = run.validation(run.mtlJobId().orElse(null));
        html.open("div", "class", "small-multiples");
        for (String task : run.taskIds()) {
            String baseline = run.baselineJobId(task).orElse(null);
            String loss = TrainingCurvesChart.loss(task, mtlProgress, run.progress(baseline));
            String validation = TrainingCurvesChart.validation(task, mtlRounds, run.validation(baseline));
            if (loss == null && validation == null) {
                html.element("p", task + ": no training loss or validation round was recorded.", "class", "note");
            }
            if (loss != null) {
                html.open("div", "class", "chart-cell").raw(loss).close("div");
            }
            if (validation != null) {
                html.open("div", "class", "chart-cell").raw(validation).close("div");
            }
        }
        html.close("div").close("section").newline();
    }
}
