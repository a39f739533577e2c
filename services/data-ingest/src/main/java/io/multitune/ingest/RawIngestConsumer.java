package io.multitune.ingest;

import io.multitune.events.Channels;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
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
 * records keep their order and the Kafka event loop is never blocked); their outputs are encoded and handed to the
 * producer, in the same order, by a second thread, so parsing the next batch overlaps encoding the previous one.
 * At most {@link #BATCHES_IN_FLIGHT} batches are between the consumer and the producer: the next batch is taken
 * only once the batch that many back has been handed over, so a slow producer slows the consumer instead of
 * piling parsed records up on the heap (which cost far more in garbage collection than the parsing itself).
 * A batch is acknowledged (its offsets committed) only after every record it produced was acknowledged by the
 * broker, so a crash re-delivers it and re-sent records come out as the same examples.
 */
@ApplicationScoped
public class RawIngestConsumer {
    private static final Logger LOG = Logger.getLogger(RawIngestConsumer.class);

    private final RawRecordProcessor processor;
    private final EventPublisher publisher;
    private final StateRestorer restorer;
    private final IngestConfig config;
    private static final int BATCHES_IN_FLIGHT = 3;

    private final ArrayDeque<CompletableFuture<Void>> queued = new ArrayDeque<>();
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
        CompletableFuture<Void> handedOver = new CompletableFuture<>();
        CompletableFuture.runAsync(() -> handle(batch, handedOver), worker).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.errorf(failure, "a raw batch could not be processed; it is not committed");
                handedOver.complete(null);
                batch.nack(failure);
            }
        });
        // SmallRye hands over the next batch once the returned Uni completes. Completing it when the batch
        // BATCHES_IN_FLIGHT back is with the producer keeps both threads fed with bounded memory.
        CompletableFuture<Void> gate;
        synchronized (queued) {
            queued.addLast(handedOver);
            gate = queued.size() > BATCHES_IN_FLIGHT ? queued.removeFirst() : CompletableFuture.completedFuture(null);
        }
        return Uni.createFrom().completionStage(gate);
    }

    private void handle(KafkaRecordBatch<String, byte[]> batch, CompletableFuture<Void> handedOver) {
        restorer.awaitRestored();
        List<OutgoingRecord> outputs = new ArrayList<>();
        for (KafkaRecord<String, byte[]> r : batch) {
            long offset = r.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getOffset)
                    .orElse(-1L);
            outputs.addAll(processor.process(new RawRecord(r.getKey(), r.getHeaders(), r.getPayload(), r.getTopic(),
                    r.getPartition(), offset)));
        }
        sender.execute(() -> {
            try {
                send(batch, outputs);
            } finally {
                handedOver.complete(null);
            }
        });
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
