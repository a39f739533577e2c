package io.multitune.cli.run;

import io.multitune.cli.common.CommandSupport;
import io.multitune.cli.ingest.ConsoleProgress;
import io.multitune.cli.ingest.DurationConverter;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunRequest;
import io.multitune.events.Topics;
import io.multitune.events.TrainingEnded;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code multitune run submit FILE}: reads a run request (YAML or JSON), sends it to {@link Topics#RUNS} and prints
 * the sampler's plan, or its rejection.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = {"Send a run request (YAML or JSON) to " + Topics.RUNS + " and print the sampler's plan: the "
                + "jobs (multi-task and baselines) and the multi-task job's tasks.",
                "The file is checked first with the sampler's own reader; nothing is sent if it has problems. "
                        + "A missing runId is generated.",
                "Kafka: env KAFKA_BOOTSTRAP_SERVERS (and KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_*, KAFKA_SSL_*), "
                        + "else the local broker (./multitune broker start; localhost:9092)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:planned (or sent, with --no-wait)", "1:another failure",
                "2:the file has problems; nothing was sent", "3:the sampler rejected the request",
                "4:the sampler did not answer within --wait", "5:Kafka unreachable",
                "6:with --follow: a job failed, or the run was not trained and judged within --follow-timeout",
                "7:with --follow: the run was judged and failed its gate"})
public final class RunSubmitCommand extends CommandSupport.Action {
    /** Exit code: the request file cannot be read or has problems. */
    public static final int BAD_REQUEST = 2;
    /** Exit code: the sampler rejected the request. */
    public static final int REJECTED = 3;
    /** Exit code: no answer within the wait. */
    public static final int TIMEOUT = 4;
    /** Exit code: no Kafka broker answers. */
    public static final int KAFKA_UNREACHABLE = 5;
    /** Exit code: with --follow, a job failed or did not end in time. */
    public static final int JOB_FAILED = 6;
    /** Exit code: with --follow, the evaluator's gate failed the run. */
    public static final int GATE_FAILED = 7;

    @Parameters(index = "0", paramLabel = "FILE", description = "The run request, YAML or JSON.")
    Path file;

    @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
            description = "How long to wait for the sampler's answer (default: ${DEFAULT-VALUE}); e.g. 90s, 10m.")
    Duration wait;

    @Option(names = "--no-wait", description = "Only send the request; do not wait for the plan.")
    boolean noWait;

    @Option(names = "--follow", description = "After the plan, follow the training of every job (a progress line "
            + "per job) until all have ended, print how each ended and where its model is, then wait for the "
            + "evaluator's judgement and print it (tasks against baselines, unified score, Δm, verdict, report).")
    boolean follow;

    @Option(names = "--follow-timeout", paramLabel = "DURATION", defaultValue = "24h",
            converter = DurationConverter.class,
            description = "With --follow, how long to follow before giving up (default: ${DEFAULT-VALUE}).")
    Duration followTimeout;

    @Override
    protected int execute(PrintWriter out) {
        RunRequest request = RunRequests.stamp(RunRequests.read(file), Instant.now());
        try (RunClient client = RunClient.fromEnvironment()) {
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
            return follow ? follow(plan, client, out) : 0;
        }
    }

    private int follow(RunPlanned plan, RunClient client, PrintWriter out) {
        out.println();
        List<JobStatus> jobs;
        try (TrainingWatch watch = new TrainingWatch(client.connection())) {
            jobs = watch.follow(plan, followTimeout, out, ConsoleProgress.isTerminal());
        }
        out.println();
        out.print(JobTable.render(jobs));
        boolean allTrained = jobs.stream().allMatch(j -> j.done()
                && j.ended().outcome() != TrainingEnded.Outcome.FAILED);
        boolean mtlTrained = jobs.stream().anyMatch(j -> j.job().kind() == RunPlanned.JobKind.MULTI_TASK
                && j.model() != null);
        if (!mtlTrained) {
            return JOB_FAILED;
        }
        out.println();
        EvaluationWatch.Outcome outcome;
        try (EvaluationWatch watch = new EvaluationWatch(client.connection())) {
            outcome = watch.follow(plan, followTimeout, out);
        }
        if (outcome.evaluated() == null) {
            out.println("the run was not judged" + (outcome.failures().isEmpty() ? " within " + followTimeout
                    : ": " + outcome.failures().get(outcome.failures().size() - 1).reason()));
            return JOB_FAILED;
        }
        out.println();
        out.print(EvaluationTable.render(outcome.evaluated()));
        out.println("report: " + outcome.evaluated().report().path() + " under the evaluator's artifact root");
        if (!allTrained) {
            return JOB_FAILED;
        }
        return outcome.evaluated().verdict().pass() ? 0 : GATE_FAILED;
    }
}
