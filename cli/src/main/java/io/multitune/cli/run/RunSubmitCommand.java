package io.multitune.cli.run;

import io.multitune.cli.ingest.ConsoleProgress;
import io.multitune.cli.ingest.DurationConverter;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunRequest;
import io.multitune.events.Topics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code multitune run submit FILE}: reads a run request (YAML or JSON), sends it to {@link Topics#RUNS} and prints
 * the sampler's plan, or its rejection.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = {"Send a run request and print the sampler's plan (--follow: then watch the run).",
                "Sends the request (YAML or JSON) to " + Topics.RUNS + " and prints the sampler's plan: the jobs "
                + "(multi-task and baselines) and the multi-task job's tasks.",
                "The file is checked first with the sampler's own reader; nothing is sent if it has problems. "
                        + "A missing runId is generated.",
                "With --follow, then follow the run to its end exactly as `run watch` does.",
                RunAction.ENVIRONMENT_HELP},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:planned (or sent, with --no-wait); with --follow: the run completed and passed both gates",
                "1:another failure", "2:the file has problems; nothing was sent",
                "3:the sampler rejected the request", "4:the sampler did not answer within --wait; with --follow: "
                + "the run did not end within --follow-timeout (the message says what it was waiting for)",
                "5:Kafka unreachable", "6:with --follow: the run failed (run-failed: its stage and reason are printed)",
                "7:with --follow: the run completed and failed a gate (evaluation or bias)"})
public final class RunSubmitCommand extends RunAction {
    /** Exit code: the request file cannot be read or has problems. */
    public static final int BAD_REQUEST = RunExit.BAD_REQUEST;
    /** Exit code: the sampler rejected the request. */
    public static final int REJECTED = RunExit.REJECTED;
    /** Exit code: no answer within the wait. */
    public static final int TIMEOUT = RunExit.TIMEOUT;
    /** Exit code: no Kafka broker answers. */
    public static final int KAFKA_UNREACHABLE = RunExit.KAFKA_UNREACHABLE;
    /** Exit code: with --follow, the run failed. */
    public static final int RUN_FAILED = RunExit.RUN_FAILED;
    /** Exit code: with --follow, the run failed a gate. */
    public static final int GATE_FAILED = RunExit.GATE_FAILED;

    @Parameters(index = "0", paramLabel = "FILE", description = "The run request, YAML or JSON.")
    Path file;

    @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
            description = "How long to wait for the sampler's answer (default: ${DEFAULT-VALUE}); e.g. 90s, 10m.")
    Duration wait;

    @Option(names = "--no-wait", description = "Only send the request; do not wait for the plan.")
    boolean noWait;

    @Option(names = "--follow", description = "After the plan, follow the run to its end as `run watch` does: a "
            + "progress line per job, the evaluation and bias audit tables, then the verdict (both gates, Δm, a "
            + "row per job) and the report's path and URL.")
    boolean follow;

    @Option(names = "--follow-timeout", paramLabel = "DURATION", defaultValue = "24h",
            converter = DurationConverter.class,
            description = "With --follow, how long to follow before giving up (default: ${DEFAULT-VALUE}).")
    Duration followTimeout;

    @Override
    protected int execute(PrintWriter out) {
        RunRequest request = RunRequests.stamp(RunRequests.read(file), Instant.now());
        try (RunClient client = new RunClient(connection())) {
            if (noWait) {
                out.println(RunSubmission.sentLine(client.submit(request)));
                return 0;
            }
            RunPlanned plan = RunSubmission.submitAndAwait(client, request, wait, line -> {
                out.println(line);
                out.flush();
            });
            out.println();
            out.print(PlanReport.render(plan));
            if (!follow) {
                return 0;
            }
            out.println();
            RunState end = new RunWatch(client.connection(), out, ConsoleProgress.isTerminal())
                    .follow(plan, followTimeout);
            out.println();
            return RunEnd.print(end, false, out, reports());
        }
    }
}
