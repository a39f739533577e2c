package io.multitune.sampler;

import io.multitune.events.Channels;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the engine: the input channel's record batches, in order on one worker thread, and a periodic tick that
 * lets waiting requests time out and start-up steps retry even when no record arrives.
 */
@ApplicationScoped
public class SamplerInput {
    private final SamplerEngine engine;
    private final KafkaClientService clients;

    SamplerInput(SamplerEngine engine, KafkaClientService clients) {
        this.engine = engine;
        this.clients = clients;
    }

    @Incoming(Channels.SAMPLER_IN)
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<String, byte[]> records) {
        engine.onRecords(records);
    }

    @Scheduled(every = "${multitune.sampler.tick-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        engine.tick(engine.isLive() ? null : positions());
    }

    /** The consumer's positions, which move past compaction gaps that no record reports. */
    private Map<TopicPartition, Long> positions() {
        try {
            KafkaConsumer<Object, Object> consumer = clients.getConsumer(Channels.SAMPLER_IN);
            return consumer == null ? null : consumer.getPositions().await().atMost(Duration.ofSeconds(2));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
