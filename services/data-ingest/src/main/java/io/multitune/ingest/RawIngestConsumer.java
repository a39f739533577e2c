package io.multitune.ingest;

import io.multitune.events.Channels;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes raw messages in batches. Parsing runs on one dedicated thread (datasets keep their order and the Kafka
 * event loop is never blocked); a batch is acknowledged — its offsets committed — only after every record it produced
 * was acknowledged by the broker, so a crash re-delivers it and re-sent records come out as the same examples.
 * Processing the next batch does not wait for the previous batch's acknowledgements.
 */
@ApplicationScoped
public class RawIngestConsumer {
    private static final Logger LOG = Logger.getLogger(RawIngestConsumer.class);

    private final RawRecordProcessor processor;
    private final EventPublisher publisher;
    private final StateRestorer restorer;
    private final IngestConfig config;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ingest-worker");
        t.setDaemon(true);
        return t;
    });

    RawIngestConsumer(RawRecordProcessor processor, EventPublisher publisher, StateRestorer restorer,
                      IngestConfig config) {
        this.processor = processor;
        this.publisher = publisher;
        this.restorer = restorer;
        this.config = config;
    }

    @Incoming(Channels.RAW_IN)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return Uni.createFrom().item(() -> {
            handle(batch);
            return (Void) null;
        }).runSubscriptionOn(worker);
    }

    private void handle(KafkaRecordBatch<String, byte[]> batch) {
        restorer.awaitRestored();
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (KafkaRecord<String, byte[]> r : batch) {
            long offset = r.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getOffset)
                    .orElse(-1L);
            RawRecord raw = new RawRecord(r.getKey(), r.getHeaders(), r.getPayload(), r.getTopic(), r.getPartition(),
                    offset);
            for (OutgoingRecord out : processor.process(raw)) {
                sends.add(publisher.publish(out));
            }
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                .orTimeout(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ok, failure) -> {
                    if (failure == null) {
                        batch.ack();
                    } else {
                        LOG.errorf(failure, "a batch's output was not acknowledged; the batch is not committed");
                        batch.nack(failure);
                    }
                });
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
    }
}
