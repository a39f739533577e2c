package io.multitune.cli.run;

import io.multitune.events.Topics;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code multitune run report RUN_ID}: a run's end as the runs topic has it, without following anything. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Print how a run ended: its verdict and report, or the stage it failed at.",
                "Reads the run-completed or run-failed on " + Topics.RUNS + ": the "
                + "verdict (both gates and the failing reasons), each task against its baseline, the unified "
                + "scores, Δm, a row per job, and the report's path and URL; or the stage and reason it failed at. "
                + "A run that has not ended is said so, with its last known state.",
                RunAction.ENVIRONMENT_HELP, RunAction.REPORTS_HELP},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the run completed and passed both gates", "1:another failure",
                "3:the sampler rejected the request", "4:the runs topic could not be read to its end in time",
                "5:Kafka unreachable", "6:the run failed (run-failed: its stage and reason are printed)",
                "7:the run completed and failed a gate (evaluation or bias)",
                "8:no such run: no request and no plan with that id on " + Topics.RUNS,
                "9:the run has not ended yet (planned, or waiting for its plan)"})
public final class RunReportCommand extends RunAction {
    /** How long reading the runs topic to its end may take. */
    static final Duration READ_TIMEOUT = Duration.ofMinutes(2);

    @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run's id.")
    String runId;

    @Override
    protected int execute(PrintWriter out) {
        RunState state = new RunState(runId);
        try (RunLog log = RunLog.open(connection(), "multitune-run-report")) {
            if (!log.readFromBeginning(Topics.RUNS)) {
                throw RunEnd.noSuchRun(runId);
            }
            log.readToEnd(READ_TIMEOUT, state::wants).forEach(state::apply);
        }
        return RunEnd.print(state, true, out, reports());
    }
}
