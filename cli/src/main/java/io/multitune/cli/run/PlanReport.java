package io.multitune.cli.run;

import io.multitune.cli.common.TextTable;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunPlanned.JobKind;
import io.multitune.events.RunPlanned.JobPlan;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.RunRejected;
import io.multitune.events.RunRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The sampler's answers as text: a plan as a summary line, the table of jobs and the table of the multi-task job's
 * tasks; a rejection as its problems, one per line.
 */
public final class PlanReport {
    static final String[] JOB_HEADERS = {"job", "kind", "tasks", "steps", "batch size", "validation rounds"};
    private static final boolean[] JOB_RIGHT = {false, false, false, true, true, true};
    static final String[] TASK_HEADERS = {"task", "type", "datasets", "labels", "proportion", "pool examples",
            "planned examples", "passes"};
    private static final boolean[] TASK_RIGHT = {false, false, false, true, true, true, true, true};

    private PlanReport() {
    }

    /** The whole plan, ending with a newline. */
    public static String render(RunPlanned plan) {
        List<JobPlan> jobs = plan.jobs() == null ? List.of() : plan.jobs();
        long baselines = jobs.stream().filter(j -> j.kind() == JobKind.BASELINE).count();
        StringBuilder out = new StringBuilder();
        out.append("run ").append(plan.runId()).append(" planned: ").append(RunRequests.count(jobs.size(), "job"))
                .append(" (").append(jobs.size() - baselines).append(" multi-task, ")
                .append(RunRequests.count(baselines, "baseline")).append(")\n");
        if (plan.request() != null) {
            out.append("  ").append(settings(plan.request())).append('\n');
        }
        out.append('\n').append(jobTable(jobs));
        for (JobPlan job : jobs) {
            if (job.kind() == JobKind.MULTI_TASK) {
                out.append('\n').append("tasks of the multi-task job ").append(job.jobId()).append(":\n")
                        .append(taskTable(job));
            }
        }
        return out.toString();
    }

    /** The effective settings of a plan in one line: strategies, batch size, budget, validation, seed. */
    static String settings(RunRequest r) {
        List<String> parts = new ArrayList<>();
        if (r.baseModel() != null) {
            parts.add("model " + r.baseModel());
        }
        if (r.adapter() != null && r.adapter().type() != null) {
            parts.add("adapter " + r.adapter().type());
        }
        if (r.weighting() != null && r.weighting().strategy() != null) {
            parts.add("weighting " + r.weighting().strategy());
        }
        RunRequest.Sampling s = r.sampling();
        if (s != null && s.strategy() != null) {
            String sampling = "sampling " + s.strategy();
            if ("temperature".equals(s.strategy()) && s.temperature() != null) {
                sampling += " (T=" + decimal(s.temperature()) + ")";
            }
            if (s.cap() != null) {
                sampling += " cap " + s.cap();
            }
            if (s.batchMode() != null) {
                sampling += ", " + s.batchMode() + " batches";
            }
            parts.add(sampling);
        }
        if (r.batchSize() != null) {
            parts.add("batch size " + r.batchSize());
        }
        if (r.budget() != null) {
            parts.add("budget " + (r.budget().steps() != null ? RunRequests.count(r.budget().steps(), "step")
                    : r.budget().epochs() != null ? decimal(r.budget().epochs()) + " epoch"
                    + (r.budget().epochs() == 1.0 ? "" : "s") : "?"));
        }
        RunRequest.Validation v = r.validation();
        if (v != null && v.everySteps() != null) {
            parts.add(v.everySteps() == 0 ? "validation at the end" : "validation every " + v.everySteps() + " steps");
        }
        if (r.seed() != null) {
            parts.add("seed " + r.seed());
        }
        if (s != null && s.window() != null) {
            parts.add("window " + s.window() + " batches");
        }
        return String.join("; ", parts);
    }

    static String jobTable(List<JobPlan> jobs) {
        TextTable table = new TextTable(JOB_HEADERS, JOB_RIGHT);
        for (JobPlan j : jobs) {
            String tasks = j.tasks() == null ? "-"
                    : j.tasks().stream().map(TaskPlan::taskId).collect(Collectors.joining(", "));
            table.row(j.jobId(), kind(j.kind()), tasks, TextTable.count(j.steps()), Integer.toString(j.batchSize()),
                    Long.toString(j.validationRounds()));
        }
        return table.render();
    }

    static String taskTable(JobPlan job) {
        TextTable table = new TextTable(TASK_HEADERS, TASK_RIGHT);
        for (TaskPlan t : job.tasks() == null ? List.<TaskPlan>of() : job.tasks()) {
            table.row(t.taskId(), t.taskType() == null ? null : t.taskType().wireName(),
                    t.datasets() == null ? null : String.join(", ", t.datasets()),
                    t.labels() == null ? null : Integer.toString(t.labels().size()),
                    String.format(Locale.ROOT, "%.1f%%", t.proportion() * 100),
                    TextTable.count(t.poolExamples()), TextTable.count(t.plannedExamples()),
                    String.format(Locale.ROOT, "%.2f", t.passes()));
        }
        return table.render();
    }

    /** The first line of a rejection: "run X was rejected: 2 problems". */
    public static String rejectionHeadline(RunRejected rejected) {
        int n = rejected.problems() == null ? 0 : rejected.problems().size();
        return "run " + rejected.runId() + " was rejected by the sampler: " + RunRequests.count(n, "problem");
    }

    /** Every problem of a rejection, one per line as {@code field: REASON: message}. */
    public static String rejectionProblems(RunRejected rejected) {
        return rejected.problems() == null || rejected.problems().isEmpty() ? "(no problems listed)\n"
                : RunRequests.problemLines(rejected.problems());
    }

    private static String kind(JobKind kind) {
        return kind == null ? "-" : kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String decimal(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d)
                : Objects.toString(d);
    }
}
