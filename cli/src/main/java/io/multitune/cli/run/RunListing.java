package io.multitune.cli.run;

import io.multitune.cli.common.TextTable;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunRequest;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The runs on the runs topic as a table, one row per run, oldest first: when it was requested and planned, its
 * tasks and jobs, where it stands and, once completed, its Δm.
 */
public final class RunListing {
    static final String[] HEADERS = {"run", "requested (UTC)", "planned (UTC)", "tasks", "jobs", "state",
            "Δm"};
    private static final boolean[] RIGHT = {false, false, false, false, true, false, true};

    private RunListing() {
    }

    /** One state per run id, folded from the runs topic's records (in order), oldest run first. */
    static List<RunState> fold(List<RunRecord> records) {
        Map<String, RunState> runs = new LinkedHashMap<>();
        for (RunRecord r : records) {
            String runId = RunRecord.runIdOf(r.event());
            if (runId != null) {
                runs.computeIfAbsent(runId, RunState::new).apply(r);
            }
        }
        return runs.values().stream().filter(s -> s.firstSeen() != null)
                .sorted(Comparator.comparing(RunState::firstSeen)).toList();
    }

    /** The newest {@code limit} runs (newest last); times in UTC. */
    static String render(List<RunState> runs, int limit) {
        if (runs.isEmpty()) {
            return "no runs yet\n";
        }
        List<RunState> shown = runs.subList(Math.max(0, runs.size() - Math.max(1, limit)), runs.size());
        TextTable table = new TextTable(HEADERS, RIGHT);
        for (RunState s : shown) {
            RunPlanned plan = s.plan();
            table.row(s.runId(), RunEnd.time(s.requestedAt()), plan == null ? null : RunEnd.time(plan.plannedAt()),
                    tasks(s), plan == null ? null : String.valueOf(plan.jobs().size()), state(s), deltaM(s));
        }
        String text = table.render();
        return shown.size() == runs.size() ? text
                : text + "(the newest " + shown.size() + " of " + runs.size() + " runs; --limit shows more)\n";
    }

    /** waiting for plan, rejected, planned, running, completed PASS, completed FAIL, failed at STAGE. */
    static String state(RunState s) {
        return switch (s.phase()) {
            case WAITING_FOR_PLAN -> "waiting for plan";
            case REJECTED -> "rejected";
            case RUNNING -> "planned, running";
            case COMPLETED -> "completed " + VerdictTable.passFail(s.completed().pass());
            case FAILED -> "failed at " + s.failed().stage();
            case UNKNOWN -> null;
        };
    }

    /** The multi-task job's tasks from the plan, else the tasks the request names. */
    private static String tasks(RunState s) {
        if (s.plan() != null) {
            return s.plan().jobs().stream().filter(j -> j.kind() == RunPlanned.JobKind.MULTI_TASK).findFirst()
                    .map(j -> String.join(", ", j.tasks().stream().map(RunPlanned.TaskPlan::taskId).toList()))
                    .orElse(null);
        }
        RunRequest request = s.request();
        if (request == null || request.tasks() == null) {
            return null;
        }
        return String.join(", ", request.tasks().stream().filter(Objects::nonNull).map(RunRequest.TaskRef::task)
                .filter(Objects::nonNull).toList());
    }

    private static String deltaM(RunState s) {
        return s.completed() == null || s.completed().deltaMPercent() == null ? null
                : String.format(Locale.ROOT, "%+.2f%%", s.completed().deltaMPercent());
    }
}
