package io.multitune.cli.run;

import io.multitune.events.Topics;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code multitune run list}: every run on the runs topic, one row each, newest last. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the runs, one row each, newest last.",
                "Reads " + Topics.RUNS + " from its beginning to its end as it is when the command starts. A row "
                + "per run: when it was requested and planned (UTC), its tasks and jobs, its state (waiting for "
                + "plan; rejected; planned, running; completed PASS; completed FAIL; failed at STAGE) and, once "
                + "completed, Δm.",
                RunAction.ENVIRONMENT_HELP},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed (also when there are no runs)", "1:another failure",
                "4:the runs topic could not be read to its end in time", "5:Kafka unreachable"})
public final class RunListCommand extends RunAction {
    int limit;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
            description = "Show the newest N runs (default: ${DEFAULT-VALUE}).")
    void limit(int n) {
        if (n < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1, not " + n);
        }
        limit = n;
    }

    @Override
    protected int execute(PrintWriter out) {
        try (RunLog log = RunLog.open(connection(), "multitune-run-list")) {
            if (!log.readFromBeginning(Topics.RUNS)) {
                out.print(RunListing.render(List.of(), limit));
                return 0;
            }
            out.print(RunListing.render(RunListing.fold(log.readToEnd(RunReportCommand.READ_TIMEOUT,
                    (topic, key) -> true)), limit));
        }
        return 0;
    }
}
