package io.multitune.cli.run;

import io.multitune.cli.common.TextTable;
import io.multitune.events.ModelTrained;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The end state of a run's jobs, one row per job, as `run submit --follow` and the demo print it. */
public final class JobTable {
    private JobTable() {
    }

    /** The jobs as a table: outcome, steps, the last validation figures and the model path. */
    public static String render(List<JobStatus> jobs) {
        TextTable table = new TextTable(new String[] {"job", "outcome", "steps", "validation", "model"},
                new boolean[] {false, false, true, false, false});
        for (JobStatus j : jobs) {
            String outcome = j.done() ? j.ended().outcome().name().toLowerCase(Locale.ROOT) : "not finished";
            List<String> figures = new ArrayList<>();
            j.validation().forEach((task, r) -> figures.add(String.format(Locale.ROOT, "%s %s %.3f", task,
                    r.metric(), r.score() == null ? Double.NaN : r.score())));
            String path = j.model() == null ? "" : j.model().artifact("model").map(ModelTrained.Artifact::path)
                    .orElse("");
            table.row(j.job().jobId(), outcome, j.done() ? String.valueOf(j.ended().step()) : "",
                    String.join(", ", figures), path);
        }
        return table.render();
    }
}
