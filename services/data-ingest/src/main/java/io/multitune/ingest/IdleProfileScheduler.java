package io.multitune.ingest;

import io.multitune.events.DatasetProfiled;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * A producer that never sends an end marker still gets a profile: once a dataset has received nothing for
 * {@code multitune.ingest.idle-profile-after}, a provisional profile ({@code complete = false}, trigger IDLE_TIMEOUT)
 * is emitted. A later end marker emits the complete one.
 */
@ApplicationScoped
public class IdleProfileScheduler {
    private static final Logger LOG = Logger.getLogger(IdleProfileScheduler.class);

    private final DatasetRegistry registry;
    private final RawRecordProcessor processor;
    private final EventPublisher publisher;
    private final IngestConfig config;

    IdleProfileScheduler(DatasetRegistry registry, RawRecordProcessor processor, EventPublisher publisher,
                         IngestConfig config) {
        this.registry = registry;
        this.processor = processor;
        this.publisher = publisher;
        this.config = config;
    }

    // Not before start-up has finished: a tick before SmallRye has connected the outgoing channels failed to create
    // the publisher (SRMSG00019, logged as an error on the first tick of a fast test start).
    @Scheduled(every = "${multitune.ingest.idle-check-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void emitProfilesOfIdleDatasets() {
        long idleNanos = config.idleProfileAfter().toNanos();
        for (DatasetState state : registry.all()) {
            boolean idle;
            synchronized (state) {
                idle = state.idleWithUnprofiledChanges(idleNanos);
            }
            if (idle) {
                LOG.infof("dataset %s idle for %s without an end marker: emitting a provisional profile",
                        state.spec().datasetId(), config.idleProfileAfter());
                publisher.publish(processor.profile(state, false, DatasetProfiled.Trigger.IDLE_TIMEOUT));
            }
        }
    }
}
