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
 * Consumes raw messages in batches. Batches are parsed and decided in order on one dedicated thread (each dataset's
 * records keep their order and the Kafka event loop is never blocked), with a few batches queued ahead so the thread
 * never waits for the next one; their outputs are encoded and sent, in the same order, by a second thread, so
 * parsing the next batch overlaps encoding the previous one. A batch is acknowledged (its offsets committed) only after every record it produced was
 * acknowledged by the broker, so a crash re-delivers it and re-sent records come out as the same examples.
 */
@ApplicationScoped
public class RawIngestConsumer {
    private static final Logger LOG = Logger.getLogger(RawIngestConsumer.class);

    private final RawRecordProcessor processor;
    private final EventPublisher publisher;
    private final StateRestorer restorer;
    private final IngestConfig config;
    private static final int QUEUED_BATCHES = 3;

    private final java.util.ArrayDeque<CompletableFuture<Void>> queued = new java.util.ArrayDeque<>();
    private final ExecutorService worker = singleThread("ingest-worker");
    private final ExecutorService sender = singleThread("ingest-sender");

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
        CompletableFuture<Void> processed = CompletableFuture.runAsync(() -> handle(batch), worker);
        processed.whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.errorf(failure, "a raw batch could not be processed; it is not committed");
                batch.nack(failure);
            }
        });
        // SmallRye hands over the next batch once the returned Uni completes. Completing it when the batch
        // QUEUED_BATCHES back is done keeps the worker fed (no gap between batches) with bounded memory.
        CompletableFuture<Void> gate;
        synchronized (queued) {
            queued.addLast(processed);
            gate = queued.size() > QUEUED_BATCHES ? queued.removeFirst() : CompletableFuture.completedFuture(null);
        }
        return Uni.createFrom().completionStage(gate.exceptionally(failure -> null));
    }

    private void handle(KafkaRecordBatch<String, byte[]> batch) {
        restorer.awaitRestored();
        List<OutgoingRecord> outputs = new ArrayList<>();
        for (KafkaRecord<String, byte[]> r : batch) {
            long offset = r.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getOffset)
                    .orElse(-1L);
            outputs.addAll(processor.process(new RawRecord(r.getKey(), r.getHeaders(), r.getPayload(), r.getTopic(),
                    r.getPartition(), offset)));
        }
        sender.execute(() -> send(batch, outputs));
    }

    /** Encodes and sends a batch's outputs in order, then acknowledges the batch once the broker has them all. */
    private void send(KafkaRecordBatch<String, byte[]> batch, List<OutgoingRecord> outputs) {
        List<CompletableFuture<Void>> sends = new ArrayList<>(outputs.size());
        try {
            for (OutgoingRecord out : outputs) {
                sends.add(publisher.publish(out));
            }
        } catch (RuntimeException e) {
            sends.add(CompletableFuture.failedFuture(e));
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

    private static ExecutorService singleThread(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
        sender.shutdown();
    }
}
