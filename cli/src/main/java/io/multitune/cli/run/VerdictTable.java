package io.multitune.cli.run;

import io.multitune.cli.common.TextTable;
import io.multitune.events.RunCompleted;
import io.multitune.events.RunCompleted.JobOutcome;
import io.multitune.events.RunEvaluated;
import io.multitune.events.RunFailed;
import io.multitune.events.RunPlanned;
import java.util.List;
import java.util.Locale;

/**
 * A run's end as text. A completed run: the overall verdict with both gates and every failing reason, the unified
 * scores and Δm, a row per job (kind, tasks, planned and trained steps, how training ended, whether its model was
 * evaluated and audited, what went wrong) and where the report is. A failed run: the stage, the job at fault and
 * the reason.
 */
public final class VerdictTable {
    static final String[] JOB_HEADERS = {"job", "kind", "tasks", "planned steps", "trained steps", "training",
            "evaluated", "audited", "problems"};
    private static final boolean[] JOB_RIGHT = {false, false, false, true, true, false, false, false, false};

    private VerdictTable() {
    }

    /**
     * The verdict of a completed run.
     *
     * @param withTasks also the per-task table (multi-task against baseline), for readers that did not see the
     *                  evaluation table before
     */
    public static String render(RunCompleted c, boolean withTasks, ReportLocation where) {
        StringBuilder out = new StringBuilder();
        out.append("run ").append(c.runId()).append(" completed: ").append(passFail(c.pass()))
                .append(" (evaluation gate ").append(gate(c.evaluationVerdict())).append(", bias gate ")
                .append(gate(c.biasVerdict())).append(")\n");
        nonNull(c.reasons()).forEach(r -> out.append("  - ").append(r).append('\n'));
        if (withTasks && !nonNull(c.tasks()).isEmpty()) {
            out.append('\n').append(EvaluationTable.taskTable(c.tasks()));
        }
        out.append(EvaluationTable.scores(c.unifiedScore(), c.baselineUnifiedScore(), c.deltaMPercent()));
        out.append('\n').append(jobTable(nonNull(c.jobs())));
        if (c.report() != null) {
            out.append('\n').append(where.lines("report", c.runId(), c.report(), "run-report"));
        }
        return out.toString();
    }

    /** The end of a failed run: "run R failed at STAGE (job J): reason", and the evaluator's report if any. */
    public static String failure(RunFailed f, ReportLocation where) {
        StringBuilder out = new StringBuilder(failureLine(f)).append('\n');
        if (f.report() != null) {
            out.append(where.lines("evaluation report", f.runId(), f.report(), "report"));
        }
        return out.toString();
    }

    /** One line: "run R failed at STAGE (job J): reason". */
    static String failureLine(RunFailed f) {
        return "run " + f.runId() + " failed at " + f.stage() + (f.jobId() == null ? "" : " (job " + f.jobId() + ")")
                + ": " + f.reason();
    }

    static String jobTable(List<JobOutcome> jobs) {
        TextTable table = new TextTable(JOB_HEADERS, JOB_RIGHT);
        for (JobOutcome j : jobs) {
            table.row(j.jobId(), kind(j.kind()), String.join(", ", nonNull(j.tasks())),
                    TextTable.count(j.plannedSteps()), j.trainedSteps() == null ? null
                            : TextTable.count(j.trainedSteps()),
                    j.training() == null ? "not ended" : j.training().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    yesNo(j.evaluated()), yesNo(j.audited()),
                    nonNull(j.problems()).isEmpty() ? null : String.join("; ", j.problems()));
        }
        return table.render();
    }

    static String kind(RunPlanned.JobKind kind) {
        return kind == null ? null : kind == RunPlanned.JobKind.MULTI_TASK ? "multi-task" : "baseline";
    }

    static String passFail(boolean pass) {
        return pass ? "PASS" : "FAIL";
    }

    private static String gate(RunEvaluated.Verdict v) {
        return v == null ? "-" : passFail(v.pass());
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
