package io.multitune.auditor;

import io.multitune.events.Channels;
import io.multitune.events.PipelineEvent;
import io.multitune.kafka.EventSender;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Sends the bias auditor's events. The channel is configured as a SmallRye outgoing channel; records go straight to
 * its Kafka producer (as in the evaluator) because a run is marked audited only after its audit is on the broker.
 */
@ApplicationScoped
public class AuditorEvents {
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);

    // Declared only so SmallRye creates the channel's producer from its configuration.
    @Inject
    @Channel(Channels.AUDITS_OUT)
    Emitter<Record<String, byte[]>> audits;

    private final KafkaClientService clients;
    private final Config config;
    private final String source;
    private volatile EventSender sender;

    AuditorEvents(KafkaClientService clients, Config config, AuditorConfig auditorConfig) {
        this.clients = clients;
        this.config = config;
        this.source = auditorConfig.eventSource();
    }

    /** Sends on the audits topic and waits until the broker has the event. */
    void sendAndWait(PipelineEvent event) {
        sender().sendAndWait(event);
    }

    private EventSender sender() {
        if (sender == null) {
            String channel = Channels.AUDITS_OUT;
            String topic = config.getValue("mp.messaging.outgoing." + channel + ".topic", String.class);
            Producer<String, byte[]> producer = clients.<String, byte[]>getProducer(channel).unwrap();
            sender = new EventSender(producer, topic, source, SEND_TIMEOUT);
        }
        return sender;
    }
}
