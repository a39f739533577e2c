package io.multitune.trainer;

import io.multitune.events.Channels;
import io.multitune.events.EventCodec;
import io.multitune.events.EventFormatException;
import io.multitune.events.JobQueued;
import io.multitune.events.PipelineEvent;
import io.multitune.events.RunPlanned;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Turns every run plan into one job ticket per job on the jobs topic, where the replicas' consumer group shares
 * them out. The plan's offset is committed only after its tickets are on the broker, so a crash in between queues
 * them again; a job's end is recorded once, so a second ticket for it is skipped.
 */
@ApplicationScoped
public class JobDispatcher {
    private static final Logger LOG = Logger.getLogger(JobDispatcher.class);

    private final TrainerEvents events;
    private final TrainerMetrics metrics;

    JobDispatcher(TrainerEvents events, TrainerMetrics metrics) {
        this.events = events;
        this.metrics = metrics;
    }

    @Incoming(Channels.TRAINER_RUNS_IN)
    @Blocking(ordered = true)
    public CompletableFuture<Void> onRunRecord(Message<byte[]> message) {
        PipelineEvent event = decode(message);
        if (!(event instanceof RunPlanned plan)) {
            return message.ack().toCompletableFuture();
        }
        List<CompletableFuture<Void>> sent = plan.jobs().stream()
                .map(job -> events.send(Channels.JOBS_OUT,
                        new JobQueued(JobQueued.SCHEMA_VERSION, plan.runId(), job.jobId(), plan, Instant.now())))
                .toList();
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        metrics.jobsQueued(plan.jobs().size());
        LOG.infof("run %s: queued %d jobs", plan.runId(), plan.jobs().size());
        return message.ack().toCompletableFuture();
    }

    /** Requests, rejections and records of other producers share the runs topic: only plans matter here. */
    private static PipelineEvent decode(Message<byte[]> message) {
        var metadata = message.getMetadata(IncomingKafkaRecordMetadata.class);
        if (metadata.isEmpty() || message.getPayload() == null) {
            return null;
        }
        try {
            return EventCodec.INSTANCE.decode(metadata.get().getHeaders(), message.getPayload());
        } catch (EventFormatException e) {
            return null;
        }
    }
}
