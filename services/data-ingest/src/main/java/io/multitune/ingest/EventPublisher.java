package io.multitune.ingest;

import io.multitune.events.Channels;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes data-ingest's output on its three outgoing channels. Each send returns a future completed when the
 * broker acknowledged it, so a raw batch is acknowledged only once everything it produced is safely written.
 * A semaphore bounds the records in flight, which is the back-pressure between parsing and the producer.
 */
@ApplicationScoped
public class EventPublisher {
    static final int MAX_IN_FLIGHT = 16_384;

    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);

    @Inject
    @Channel(Channels.EXAMPLES_OUT)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = MAX_IN_FLIGHT)
    Emitter<Record<String, byte[]>> examples;

    @Inject
    @Channel(Channels.DLQ_OUT)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = MAX_IN_FLIGHT)
    Emitter<Record<String, byte[]>> deadLetters;

    @Inject
    @Channel(Channels.DATASETS_OUT)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = MAX_IN_FLIGHT)
    Emitter<Record<String, byte[]>> datasets;

    CompletableFuture<Void> publish(OutgoingRecord record) {
        inFlight.acquireUninterruptibly();
        CompletableFuture<Void> done = new CompletableFuture<>();
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key()).withHeaders(record.headers()).build();
        Message<Record<String, byte[]>> message = Message.of(Record.of(record.key(), record.value()),
                Metadata.of(metadata),
                () -> {
                    inFlight.release();
                    done.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    inFlight.release();
                    done.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        emitterFor(record.channel()).send(message);
        return done;
    }

    private Emitter<Record<String, byte[]>> emitterFor(String channel) {
        return switch (channel) {
            case Channels.EXAMPLES_OUT -> examples;
            case Channels.DLQ_OUT -> deadLetters;
            case Channels.DATASETS_OUT -> datasets;
            default -> throw new IllegalArgumentException("no outgoing channel " + channel);
        };
    }
}
