package io.multitune.auditor;

import io.multitune.events.Channels;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the engine: the input channel's record batches, in order on one worker thread (auditing a model blocks it,
 * which is what keeps a run's events in order), and a periodic tick that judges runs whose baselines timed out.
 */
@ApplicationScoped
public class AuditorInput {
    private final AuditorLifecycle lifecycle;

    AuditorInput(AuditorLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Incoming(Channels.AUDITOR_IN)
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<String, byte[]> records) {
        lifecycle.engine().onRecords(records);
    }

    @Scheduled(every = "${multitune.auditor.tick-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        var engine = lifecycle.engineIfStarted();
        if (engine != null) {
            engine.tick();
        }
    }
}
