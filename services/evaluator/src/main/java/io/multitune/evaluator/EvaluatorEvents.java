package io.multitune.evaluator;

import io.multitune.events.Channels;
import io.multitune.events.EventCodec;
import io.multitune.events.PipelineEvent;
import io.multitune.kafka.Sends;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

    // Declared only so SmallRye creates each channel's producer from its configuration.
    @Inject
    @Channel(Channels.EVALUATIONS_OUT)
    Emitter<Record<String, byte[]>> evaluations;

    private final KafkaClientService clients;
    private final Config config;
    private final String source;
    private final Map<String, Target> targets = new ConcurrentHashMap<>();

    EvaluatorEvents(KafkaClientService clients, Config config, EvaluatorConfig evaluatorConfig) {
        this.clients = clients;
        this.config = config;
        this.source = evaluatorConfig.eventSource();
    }

    /** The event on the evaluations topic, keyed by its subject (the run id); completes when the broker has it. */
    CompletableFuture<Void> send(PipelineEvent event) {
        return send(Channels.EVALUATIONS_OUT, event);
    }

    /** Sends on the evaluations topic and waits until the broker has the event. */
    void sendAndWait(PipelineEvent event) {
        sendAndWait(Channels.EVALUATIONS_OUT, event);
    }

    private CompletableFuture<Void> send(String channel, PipelineEvent event) {
        Target target = targets.computeIfAbsent(channel, this::target);
        return Sends.send(target.producer, EventCodec.INSTANCE.record(target.topic, event.subject(), event, source));
    }

    private void sendAndWait(String channel, PipelineEvent event) {
        try {
            send(channel, event).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + event.getClass().getSimpleName(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send " + event.getClass().getSimpleName() + " of "
                    + event.subject() + ": " + e.getMessage(), e);
        }
    }

    private Target target(String channel) {
        String topic = config.getValue("mp.messaging.outgoing." + channel + ".topic", String.class);
        Producer<String, byte[]> producer = clients.<String, byte[]>getProducer(channel).unwrap();
        return new Target(topic, producer);
    }

    private record Target(String topic, Producer<String, byte[]> producer) {
    }
}
