package io.multitune.sampler;

import io.multitune.events.Channels;
import io.multitune.events.CloudEventHeaders;
import io.multitune.events.EventCodec;
import io.multitune.events.EventType;
import io.multitune.events.PipelineEvent;
import io.multitune.kafka.Sends;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Sends the sampler's events on its outgoing channels. As in data-ingest, the channels are configured as SmallRye
 * outgoing channels but records go straight to each channel's Kafka producer: a batch is already a finished byte
 * array, and per-message reactive plumbing would only add CPU. Each send's future completes when the broker has it.
 */
@ApplicationScoped
public class Publisher {
    // Declared only so SmallRye creates each channel's producer from its configuration.
    @Inject
    @Channel(Channels.RUNS_OUT)
    Emitter<Record<String, byte[]>> runs;

    @Inject
    @Channel(Channels.BATCHES_OUT)
    Emitter<Record<String, byte[]>> batches;

    @Inject
    @Channel(Channels.TRAINING_OUT)
    Emitter<Record<String, byte[]>> training;

    private final KafkaClientService clients;
    private final Config config;
    private final String source;
    private final Map<String, Target> targets = new ConcurrentHashMap<>();

    Publisher(KafkaClientService clients, Config config, SamplerConfig samplerConfig) {
        this.clients = clients;
        this.config = config;
        this.source = samplerConfig.eventSource();
    }

    /** An event encoded by the codec. */
    CompletableFuture<Void> event(String channel, String key, PipelineEvent event) {
        return send(channel, key, EventCodec.INSTANCE.encode(event), EventCodec.INSTANCE.headers(event, source));
    }

    /** A body already encoded (a spliced batch) with the CloudEvents headers of its type plus extra headers. */
    CompletableFuture<Void> encoded(String channel, String key, Class<? extends PipelineEvent> type, String subject,
                                    byte[] body, Map<String, String> extraHeaders) {
        Headers headers = CloudEventHeaders.create(EventType.of(type).ceType(), source, subject).toKafkaHeaders();
        extraHeaders.forEach((k, v) -> headers.add(k, v.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return send(channel, key, body, headers);
    }

    private CompletableFuture<Void> send(String channel, String key, byte[] body, Headers headers) {
        Target target = targets.computeIfAbsent(channel, this::target);
        return Sends.send(target.producer, new ProducerRecord<>(target.topic, null, key, body, headers));
    }

    private Target target(String channel) {
        String topic = config.getValue("mp.messaging.outgoing." + channel + ".topic", String.class);
        Producer<String, byte[]> producer = clients.<String, byte[]>getProducer(channel).unwrap();
        return new Target(topic, producer);
    }

    private record Target(String topic, Producer<String, byte[]> producer) {
    }
}
