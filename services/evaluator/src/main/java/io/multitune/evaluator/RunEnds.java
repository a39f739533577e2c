package io.multitune.evaluator;

import io.multitune.events.Channels;
import io.multitune.events.ModelTrained;
import io.multitune.events.PipelineEvent;
import io.multitune.events.RunCompleted;
import io.multitune.events.RunFailed;
import io.multitune.intake.RunOutputFiles;
import io.multitune.lifecycle.LifecycleSettings;
import io.multitune.lifecycle.RunEnding;
import io.multitune.lifecycle.RunLifecycle;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Ends every run with exactly one run-completed or run-failed event on the runs topic. The evaluator hosts it
 * because the run's report is its report plus the bias section: it writes {@code run-report.html}, emits the end,
 * then records {@code outcome.json}, whose presence tells a restarted evaluator not to end the run again.
 */
@ApplicationScoped
public class RunEnds {
    private static final Logger LOG = Logger.getLogger(RunEnds.class);

    private final RunLifecycle lifecycle;
    private final RunOutputFiles files;
    private final EvaluatorEvents events;
    private final EvaluatorMetrics metrics;
    private final Set<String> failingRuns = ConcurrentHashMap.newKeySet();

    RunEnds(EvaluatorConfig config, EvaluatorEvents events, EvaluatorMetrics metrics) {
        EvaluatorConfig.Lifecycle settings = config.lifecycle();
        this.lifecycle = new RunLifecycle(new LifecycleSettings(settings.planTimeout(),
                settings.trainingStallTimeout(), settings.judgementTimeout()));
        this.files = EvaluatorFiles.runEnd(config.artifactRoot());
        this.events = events;
        this.metrics = metrics;
    }

    @Incoming(Channels.LIFECYCLE_IN)
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<String, byte[]> records) {
        lifecycle.onRecords(records);
    }

    @Scheduled(every = "${multitune.evaluator.tick-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        for (RunEnding ending : lifecycle.due()) {
            end(ending);
        }
        metrics.runsOpen(lifecycle.open());
    }

    private void end(RunEnding ending) {
        String runId = ending.runId();
        if (files.done(runId)) {
            lifecycle.ended(runId);
            return;
        }
        try {
            PipelineEvent event = ending instanceof RunEnding.Completion completion ? complete(completion)
                    : fail(((RunEnding.Failure) ending).event());
            files.markDone(event, runId);
            lifecycle.ended(runId);
            failingRuns.remove(runId);
        } catch (IOException | RuntimeException e) {
            // Said once per run: the next ticks try again quietly (a full disk, the broker away).
            if (failingRuns.add(runId)) {
                LOG.errorf(e, "the end of run %s could not be written or sent; trying again at every tick", runId);
            }
        }
    }

    private RunCompleted complete(RunEnding.Completion completion) throws IOException {
        Instant now = Instant.now();
        ModelTrained.Artifact report = files.writeReport(completion.runId(), completion.reportHtml(now));
        RunCompleted completed = completion.event(report, now);
        events.sendRunEndAndWait(completed);
        metrics.runEnded(completed);
        LOG.infof("run %s completed: %s%s; report %s", completed.runId(), completed.pass() ? "PASS" : "FAIL",
                completed.reasons().isEmpty() ? "" : " (" + String.join("; ", completed.reasons()) + ")",
                report.path());
        return completed;
    }

    private RunFailed fail(RunFailed failed) {
        events.sendRunEndAndWait(failed);
        metrics.runEnded(failed);
        LOG.warnf("run %s failed at %s: %s", failed.runId(), failed.stage().name().toLowerCase(Locale.ROOT),
                failed.reason());
        return failed;
    }

    /** Runs followed and not ended, for the readiness details and tests. */
    int openRuns() {
        return lifecycle.open();
    }
}
