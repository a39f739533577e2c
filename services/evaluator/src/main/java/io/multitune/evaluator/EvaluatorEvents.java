package io.multitune.evaluator;

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
 * Sends the evaluator's events. The channel is configured as a SmallRye outgoing channel; records go straight to its
 * Kafka producer (as in the trainer) because the evaluation thread must know when an event is on the broker: a run
 * is marked judged only after its evaluation is.
 */
@ApplicationScoped
public class EvaluatorEvents {
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);

    // Declared only so SmallRye creates the channels' producers from their configuration.
    @Inject
    @Channel(Channels.EVALUATIONS_OUT)
    Emitter<Record<String, byte[]>> evaluations;
    @Inject
    @Channel(Channels.RUNS_OUT)
    Emitter<Record<String, byte[]>> runs;

    private final KafkaClientService clients;
    private final Config config;
    private final String source;
    private volatile EventSender sender;
    private volatile EventSender runsSender;

    EvaluatorEvents(KafkaClientService clients, Config config, EvaluatorConfig evaluatorConfig) {
        this.clients = clients;
        this.config = config;
        this.source = evaluatorConfig.eventSource();
    }

    /** Sends on the evaluations topic and waits until the broker has the event. */
    void sendAndWait(PipelineEvent event) {
        sender().sendAndWait(event);
    }

    /** Sends a run's end (run-completed, run-failed) on the runs topic and waits until the broker has it. */
    void sendRunEndAndWait(PipelineEvent event) {
        if (runsSender == null) {
            runsSender = senderFor(Channels.RUNS_OUT);
        }
        runsSender.sendAndWait(event);
    }

    private EventSender sender() {
        if (sender == null) {
            sender = senderFor(Channels.EVALUATIONS_OUT);
        }
        return sender;
    }

    private EventSender senderFor(String channel) {
        String topic = config.getValue("mp.messaging.outgoing." + channel + ".topic", String.class);
        Producer<String, byte[]> producer = clients.<String, byte[]>getProducer(channel).unwrap();
        return new EventSender(producer, topic, source, SEND_TIMEOUT);
    }
}
