package io.multitune.cli.run;

import io.multitune.cli.common.CliException;
import io.multitune.cli.common.KafkaSettings;
import io.multitune.cli.common.ProjectLayout;
import io.multitune.cli.ingest.DurationConverter;
import io.multitune.cli.services.ServiceCatalog;
import io.multitune.cli.services.ServiceHandle;
import io.multitune.cli.services.ServiceLauncher;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunRequest;
import io.multitune.events.Topics;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/** Submits a stamped run request and waits for its plan: what {@code run submit} and the demo share. */
public final class RunSubmission {
    private RunSubmission() {
    }

    /**
     * Sends the request and waits up to {@code wait} for the sampler's answer.
     *
     * @param progress told when the request was sent
     * @return the plan
     * @throws CliException exit {@link RunSubmitCommand#REJECTED} with every problem in its details when the sampler
     *                      rejected the request; exit {@link RunSubmitCommand#TIMEOUT} when it did not answer in time
     */
    public static RunPlanned submitAndAwait(RunClient client, RunRequest request, Duration wait,
                                            Consumer<String> progress) {
        RunClient.Submission submission = client.submit(request);
        progress.accept(sentLine(submission) + "; waiting up to " + DurationConverter.format(wait)
                + " for the sampler's plan");
        RunClient.Answer answer = client.await(submission, wait)
                .orElseThrow(() -> new CliException(timeoutMessage(submission.runId(), wait, samplerHint()),
                        RunSubmitCommand.TIMEOUT, null, null));
        if (!answer.isPlanned()) {
            throw new CliException(PlanReport.rejectionHeadline(answer.rejected()), RunSubmitCommand.REJECTED,
                    PlanReport.rejectionProblems(answer.rejected()), null);
        }
        return answer.planned();
    }

    /** "run X sent to multitune.runs (partition 1, offset 7)". */
    static String sentLine(RunClient.Submission s) {
        return "run " + s.runId() + " sent to " + Topics.RUNS + " (partition " + s.partition() + ", offset "
                + s.offset() + ")";
    }

    /** The one-line timeout error. */
    static String timeoutMessage(String runId, Duration wait, String samplerHint) {
        return "run " + runId + ": the sampler did not answer within " + DurationConverter.format(wait) + "; "
                + samplerHint;
    }

    /** Whether a sampler runs here, as far as this machine can tell, and what to do about it. */
    static String samplerHint() {
        Optional<ProjectLayout> layout = ProjectLayout.find();
        if (layout.isEmpty()) {
            return "is a sampler running? (./multitune services status)";
        }
        ServiceLauncher launcher = new ServiceLauncher(layout.get(), KafkaSettings.fromEnvironment());
        if (launcher.catalog().find(ServiceCatalog.SAMPLER).isEmpty()) {
            return "this repository has no sampler service yet; is one running elsewhere on this Kafka?";
        }
        Optional<ServiceHandle> running = launcher.running(ServiceCatalog.SAMPLER);
        if (running.isPresent()) {
            return "a local sampler is running (pid " + running.get().pid() + "): see ./multitune services status "
                    + "and its log " + layout.get().display(running.get().logFile());
        }
        return "no local sampler is running: start it with ./multitune services start sampler "
                + "(./multitune services status shows what runs)";
    }
}
