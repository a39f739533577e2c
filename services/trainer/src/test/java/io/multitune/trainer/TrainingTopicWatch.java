package io.multitune.trainer;

import io.multitune.events.CloudEventHeaders;
import io.multitune.events.EventCodec;
import io.multitune.events.PipelineEvent;
import io.multitune.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Everything on the training topic, read from the beginning by one long-lived consumer assigned to every partition
 * (no group, so no join delay): a test sees an acknowledgement within a poll of its arrival. A job's events share
 * one partition, so {@link #of(String)} lists them in the order they were written.
 */
final class TrainingTopicWatch implements AutoCloseable {
    static final String TRAINER_SOURCE = "/multitune/trainer";

    /** One event with the source that sent it. */
    record Seen(String key, String source, PipelineEvent event) {
        boolean fromTrainer() {
            return TRAINER_SOURCE.equals(source);
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Seen> seen = new ArrayList<>();

    TrainingTopicWatch(String bootstrap) {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "trainer-it-watch-" + UUID.randomUUID());
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<PartitionInfo> partitions = consumer.partitionsFor(Topics.TRAINING, Duration.ofSeconds(30));
        List<TopicPartition> all = partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(all);
        consumer.seekToBeginning(all);
    }

    /** Reads whatever arrived within {@code timeout}. */
    void poll(Duration timeout) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(timeout)) {
            PipelineEvent event;
            try {
                event = EventCodec.INSTANCE.decode(r.headers(), r.value());
            } catch (RuntimeException e) {
                continue;
            }
            seen.add(new Seen(r.key(), CloudEventHeaders.lastValue(r.headers(), CloudEventHeaders.CE_SOURCE), event));
        }
    }

    /** Polls until an event matches, failing after {@code timeout} with {@code what} in the message. */
    Seen await(Predicate<Seen> condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int checked = 0;
        while (true) {
            for (; checked < seen.size(); checked++) {
                if (condition.test(seen.get(checked))) {
                    return seen.get(checked);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            poll(Duration.ofMillis(100));
        }
    }

    /** Polls until {@code condition} holds of everything seen so far. */
    void awaitAll(Predicate<List<Seen>> condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(List.copyOf(seen))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            poll(Duration.ofMillis(100));
        }
    }

    /** The trainer's events of a job so far, in the order they were written. */
    List<Seen> of(String jobId) {
        return seen.stream().filter(s -> jobId.equals(s.key()) && s.fromTrainer()).toList();
    }

    /** The trainer's events of a job of one type, in order. */
    <T extends PipelineEvent> List<T> of(String jobId, Class<T> type) {
        return of(jobId).stream().map(Seen::event).filter(type::isInstance).map(type::cast).toList();
    }

    /** The trainer's first event of a type for a job. */
    <T extends PipelineEvent> Optional<T> first(String jobId, Class<T> type) {
        return of(jobId, type).stream().findFirst();
    }

    List<Seen> all() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
