package io.multitune.cli.run;

import io.multitune.cli.common.CliException;
import io.multitune.cli.ingest.DurationConverter;
import io.multitune.events.RunPlanned;
import io.multitune.events.Topics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Follows one run to its end: {@code run watch} and {@code run submit --follow}. One consumer reads the runs,
 * training, evaluations and audits topics from a little before the plan's time: first everything already there, in
 * order (so a run that already ended is replayed and its end printed), then live, until the run-completed or
 * run-failed. Progress is printed as it comes ({@link RunDisplay}); the end is left to {@link RunEnd}.
 */
public final class RunWatch {
    /**
     * How long before the plan's time the topics are read: the trainer's, evaluator's and auditor's clocks may lag
     * the sampler's a little, and reading a minute more costs little.
     */
    static final Duration CLOCK_SLACK = Duration.ofMinutes(1);
    private static final List<String> TOPICS = List.of(Topics.RUNS, Topics.TRAINING, Topics.EVALUATIONS,
            Topics.AUDITS);
    private static final String CLIENT_ID = "multitune-run-watch";

    private final Map<String, Object> connection;
    private final PrintWriter out;
    private final boolean interactive;

    /** @param interactive redraw the progress lines in place (a terminal), else print them as they change */
    public RunWatch(Map<String, Object> connection, PrintWriter out, boolean interactive) {
        this.connection = connection;
        this.out = out;
        this.interactive = interactive;
    }

    /**
     * Finds the run on the runs topic (from its beginning), waits for its plan if it has none yet, prints the plan
     * and follows the run to its end.
     *
     * @return the run as it ended; rejected, or failed before a plan, when it never got one
     * @throws CliException exit {@link RunExit#NO_SUCH_RUN} when the runs topic knows no such run;
     *                      {@link RunExit#TIMEOUT} when the run did not end within {@code timeout}, saying what it
     *                      waited for; {@link RunExit#KAFKA_UNREACHABLE}
     */
    public RunState watch(String runId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (RunLog log = RunLog.open(connection, CLIENT_ID)) {
            RunState found = lookUp(log, runId, deadline, timeout);
            if (found.plan() == null) {
                return found;
            }
            out.print(PlanReport.render(found.plan()));
            out.println();
            return follow(log, found.plan(), deadline, timeout);
        }
    }

    /** Follows a run whose plan is known (just printed by {@code run submit}) to its end; as {@link #watch}. */
    public RunState follow(RunPlanned plan, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (RunLog log = RunLog.open(connection, CLIENT_ID)) {
            return follow(log, plan, deadline, timeout);
        }
    }

    private RunState lookUp(RunLog log, String runId, long deadline, Duration timeout) {
        if (!log.readFromBeginning(Topics.RUNS)) {
            throw RunEnd.noSuchRun(runId);
        }
        RunState state = new RunState(runId);
        BiPredicate<String, String> wanted = state::wants;
        log.catchUp(deadline, wanted).forEach(state::apply);
        if (state.phase() == RunState.Phase.UNKNOWN) {
            throw RunEnd.noSuchRun(runId);
        }
        if (state.phase() == RunState.Phase.WAITING_FOR_PLAN) {
            out.println("run " + runId + ": " + RunEnd.lastKnown(state));
            out.flush();
        }
        while (state.phase() == RunState.Phase.WAITING_FOR_PLAN) {
            if (System.nanoTime() >= deadline) {
                throw timeout(state, timeout);
            }
            log.poll(wanted).forEach(state::apply);
        }
        return state;
    }

    private RunState follow(RunLog log, RunPlanned plan, long deadline, Duration timeout) {
        RunState state = new RunState(plan.runId());
        RunDisplay display = new RunDisplay(out, interactive);
        show(state, display, List.of(new RunRecord(Topics.RUNS, -1, -1, plan.plannedAt().toEpochMilli(), plan)));
        log.readFrom(TOPICS, plan.plannedAt().minus(CLOCK_SLACK));
        BiPredicate<String, String> wanted = state::wants;
        show(state, display, log.catchUp(deadline, wanted));
        while (!state.ended()) {
            display.tick();
            if (System.nanoTime() >= deadline) {
                display.finish();
                throw timeout(state, timeout);
            }
            show(state, display, log.poll(wanted));
            if (state.ended()) {
                // the end may come in a poll before what the other topics had just before it
                show(state, display, log.catchUp(deadline, wanted));
            }
        }
        display.finish();
        return state;
    }

    private static void show(RunState state, RunDisplay display, List<RunRecord> records) {
        records.forEach(r -> display.show(state, state.apply(r), r));
    }

    /** "run R did not end within 24h: still waiting for ..." (and, without a plan, whether a sampler runs). */
    static CliException timeout(RunState state, Duration timeout) {
        return new CliException("run " + state.runId() + " did not end within " + DurationConverter.format(timeout)
                + ": still waiting for " + state.waitingFor()
                + (state.plan() == null ? "; " + RunSubmission.samplerHint() : ""), RunExit.TIMEOUT, null, null);
    }
}
