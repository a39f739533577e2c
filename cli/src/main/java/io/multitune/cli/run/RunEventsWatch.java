package io.multitune.cli.run;

import io.multitune.events.EventCodec;
import io.multitune.events.PipelineEvent;
import io.multitune.events.RunPlanned;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows one run's events on a topic keyed by run id (evaluations, audits), from the plan's time on, handing each
 * to a callback until one of them ends the watch or the time runs out.
 */
final class RunEventsWatch implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(250);

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;

    RunEventsWatch(Map<String, Object> connection, String topic, String clientId) {
        Map<String, Object> props = new HashMap<>(connection);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
    }

    /**
     * Hands the run's events to {@code onEvent} until it returns true (done) or {@code timeout} passes.
     *
     * @return whether the watch ended because an event said so
     */
    boolean follow(RunPlanned plan, Duration timeout, Predicate<PipelineEvent> onEvent) {
        seekToPlan(plan);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
                if (!plan.runId().equals(r.key())) {
                    continue;
                }
                PipelineEvent event = decode(r);
                if (event != null && onEvent.test(event)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static PipelineEvent decode(ConsumerRecord<String, byte[]> r) {
        try {
            return EventCodec.INSTANCE.decode(r.headers(), r.value());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void seekToPlan(RunPlanned plan) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(p -> times.put(p, plan.plannedAt().toEpochMilli() - 1000));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
        List<TopicPartition> quiet = new ArrayList<>();
        for (TopicPartition p : partitions) {
            if (offsets.get(p) != null) {
                consumer.seek(p, offsets.get(p).offset());
            } else {
                quiet.add(p);
            }
        }
        if (!quiet.isEmpty()) {
            // An empty list would mean every assigned partition.
            consumer.seekToEnd(quiet);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
