package io.multitune.cli.run;

import io.multitune.cli.common.CliException;
import io.multitune.events.RunFailed;
import io.multitune.events.RunPlanned;
import io.multitune.events.Topics;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How a run ended, printed the same way by {@code run watch}, {@code run submit --follow} and {@code run report}. */
final class RunEnd {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private RunEnd() {
    }

    /**
     * Prints the run's end and returns the exit code: {@link RunExit#PASSED}, {@link RunExit#GATE_FAILED},
     * {@link RunExit#RUN_FAILED}, or {@link RunExit#NOT_ENDED} (with the run's last known state) when it has not
     * ended.
     *
     * @param withTasks also the per-task table of a completed run
     * @throws CliException exit {@link RunExit#REJECTED} with every problem when the sampler rejected the request;
     *                      exit {@link RunExit#NO_SUCH_RUN} when nothing is known about the run
     */
    static int print(RunState state, boolean withTasks, PrintWriter out, ReportLocation where) {
        switch (state.phase()) {
            case REJECTED -> throw rejected(state);
            case COMPLETED -> {
                out.print(VerdictTable.render(state.completed(), withTasks, where));
                return state.completed().pass() ? RunExit.PASSED : RunExit.GATE_FAILED;
            }
            case FAILED -> {
                out.print(VerdictTable.failure(state.failed(), where));
                return RunExit.RUN_FAILED;
            }
            case UNKNOWN -> throw noSuchRun(state.runId());
            default -> {
                out.println(notEnded(state));
                return RunExit.NOT_ENDED;
            }
        }
    }

    /** The sampler's rejection as an error: the headline, then every problem on its own line. */
    static CliException rejected(RunState state) {
        if (state.rejected() != null) {
            return new CliException(PlanReport.rejectionHeadline(state.rejected()), RunExit.REJECTED,
                    PlanReport.rejectionProblems(state.rejected()), null);
        }
        RunFailed f = state.failed();
        return new CliException("run " + state.runId() + " was rejected by the sampler: " + f.reason(),
                RunExit.REJECTED, null, null);
    }

    static CliException noSuchRun(String runId) {
        return new CliException("no run " + runId + " on " + Topics.RUNS
                + ": no request and no plan with that id (./multitune run list shows the runs)", RunExit.NO_SUCH_RUN,
                null, null);
    }

    /** "run R has not ended: planned at T, 3 jobs (1 multi-task, 2 baselines); ..." or "... waiting for a plan". */
    static String notEnded(RunState state) {
        return "run " + state.runId() + " has not ended: " + lastKnown(state) + " (./multitune run watch "
                + state.runId() + " follows it)";
    }

    /** "requested at T, waiting for the sampler's plan" or "planned at T, 3 jobs (...); no run-completed ...". */
    static String lastKnown(RunState state) {
        RunPlanned plan = state.plan();
        return plan == null
                ? "requested" + at(state.requestedAt()) + ", waiting for the sampler's plan"
                : "planned" + at(plan.plannedAt()) + ", " + jobs(plan) + "; no run-completed or run-failed yet";
    }

    /** "2026-11-26 14:35:24", in UTC. */
    static String time(Instant t) {
        return t == null ? null : TIME.format(t);
    }

    private static String at(Instant t) {
        return t == null ? "" : " at " + time(t) + " UTC";
    }

    private static String jobs(RunPlanned plan) {
        long baselines = plan.jobs().stream().filter(j -> j.kind() == RunPlanned.JobKind.BASELINE).count();
        return RunRequests.count(plan.jobs().size(), "job") + " (" + (plan.jobs().size() - baselines)
                + " multi-task, " + RunRequests.count(baselines, "baseline") + ")";
    }
}
