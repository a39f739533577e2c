package io.multitune.ingest;

import io.multitune.events.Channels;
import io.multitune.kafka.Sends;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Publishes data-ingest's output on its three outgoing channels. Each send returns a future completed when the
 * broker acknowledged it, so a raw batch is acknowledged only once everything it produced is safely written.
 *
 * <p>The channels are declared (and configured, in application.properties) as SmallRye outgoing channels, but records
 * are handed straight to each channel's Kafka producer through {@link KafkaClientService}: one example per raw record
 * is the hot path, and the emitter's per-message pipeline (Mutiny operators, context propagation, acknowledgement
 * plumbing) cost more CPU than the ingest work itself. The producer's own buffer is the back-pressure: a full
 * buffer blocks the ingest worker.
 */
@Singleton
public class EventPublisher {
    // Declared only so SmallRye creates each channel's producer from its configuration.
    @Inject
    @Channel(Channels.EXAMPLES_OUT)
    Emitter<Record<String, byte[]>> examples;

    @Inject
    @Channel(Channels.DLQ_OUT)
    Emitter<Record<String, byte[]>> deadLetters;

    @Inject
    @Channel(Channels.DATASETS_OUT)
    Emitter<Record<String, byte[]>> datasets;

    private final KafkaClientService clients;
    private final Config config;
    private final Map<String, Target> targets = new ConcurrentHashMap<>();

    private final String source;

    EventPublisher(KafkaClientService clients, Config config, IngestConfig ingestConfig) {
        this.clients = clients;
        this.config = config;
        this.source = ingestConfig.eventSource();
    }

    CompletableFuture<Void> publish(OutgoingRecord record) {
        Target target = targets.computeIfAbsent(record.channel(), this::target);
        return Sends.send(target.producer, new ProducerRecord<>(target.topic, null, record.key(), record.value(),
                record.headers(source)));
    }

    private Target target(String channel) {
        String topic = config.getValue("mp.messaging.outgoing." + channel + ".topic", String.class);
        Producer<String, byte[]> producer = clients.<String, byte[]>getProducer(channel).unwrap();
        return new Target(topic, producer);
    }

    private record Target(String topic, Producer<String, byte[]> producer) {
    }
}
