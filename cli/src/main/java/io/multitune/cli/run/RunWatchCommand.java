package io.multitune.cli.run;

import io.multitune.cli.ingest.ConsoleProgress;
import io.multitune.cli.ingest.DurationConverter;
import io.multitune.events.Topics;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code multitune run watch RUN_ID}: follows a run live, or replays one that ended, and prints its verdict. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Follow a run to its end: progress per job, the evaluation and bias tables, the verdict.",
                "Finds the run's plan on " + Topics.RUNS + ", draws a progress line per job "
                + "from the trainer's events, prints the evaluation table when the evaluator has judged the run and "
                + "the bias transfer table when the bias auditor has audited it; when the run-completed (or "
                + "run-failed) arrives, prints the verdict: both gates, the failing reasons, the unified scores, "
                + "Δm, a row per job, and the report's path and URL.",
                "A run that already ended is replayed from the topics and its end printed.",
                RunAction.ENVIRONMENT_HELP, RunAction.REPORTS_HELP},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the run completed and passed both gates", "1:another failure",
                "3:the sampler rejected the request", "4:the run did not end within --timeout (the message says "
                + "what it was waiting for)", "5:Kafka unreachable", "6:the run failed (run-failed: its stage and "
                + "reason are printed)", "7:the run completed and failed a gate (evaluation or bias)",
                "8:no such run: no request and no plan with that id on " + Topics.RUNS})
public final class RunWatchCommand extends RunAction {
    @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run's id.")
    String runId;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "24h", converter = DurationConverter.class,
            description = "How long to follow the run before giving up (default: ${DEFAULT-VALUE}); e.g. 90s, 2h.")
    Duration timeout;

    @Override
    protected int execute(PrintWriter out) {
        RunState end = new RunWatch(connection(), out, ConsoleProgress.isTerminal()).watch(runId, timeout);
        if (end.plan() != null) {
            out.println();
        }
        return RunEnd.print(end, false, out, reports());
    }
}
