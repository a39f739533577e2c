package io.multitune.trainer;

import io.multitune.events.CloudEventHeaders;
import io.multitune.events.EventCodec;
import io.multitune.events.EventType;
import io.multitune.events.PipelineEvent;
import io.multitune.events.Topics;
import io.multitune.events.TrainingEnded;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;

/**
 * One job's batch stream, read from a position known only at run time (its checkpoint's offset), which is why this
 * is a plain consumer assigned to partitions rather than a SmallRye channel. It reads the job's partition of the
 * batches topic (batches are keyed by job id, so the partition follows from the key) and the job's partition of the
 * training topic, where the sampler announces a job it cannot continue. Records of other jobs sharing the
 * partitions are passed over by key, without decoding.
 */
final class BatchStream implements AutoCloseable {
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);
    private static final String END_TYPE = EventType.of(TrainingEnded.class).ceType();

    /** What the stream yielded: a batch record (not yet decoded) or the job's end announced by someone else. */
    sealed interface Item permits BatchRecord, EndedElsewhere {
    }

    /** A record of the job's batches, undecoded so that a malformed one fails the job with its own reason. */
    record BatchRecord(long offset, ConsumerRecord<String, byte[]> record) implements Item {
    }

    /** Another service ended the job (the sampler, when it cannot continue the stream). */
    record EndedElsewhere(TrainingEnded ended, String source) implements Item {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final String jobId;
    private final String ownSource;
    private final TopicPartition batches;
    private final ArrayDeque<Item> pending = new ArrayDeque<>();

    private BatchStream(KafkaConsumer<String, byte[]> consumer, String jobId, String ownSource,
                        TopicPartition batches) {
        this.consumer = consumer;
        this.jobId = jobId;
        this.ownSource = ownSource;
        this.batches = batches;
    }

    /**
     * Opens the stream at {@code batchOffset} of the job's batches partition; the training partition is read from
     * the plan's time on, so an end announced before this replica took the job is still seen.
     */
    static BatchStream open(Map<String, Object> kafkaConfig, String jobId, long batchOffset, Instant plannedAt,
                            String ownSource) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 64);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer());
        try {
            TopicPartition batches = partitionOf(consumer, Topics.BATCHES, jobId);
            TopicPartition training = partitionOf(consumer, Topics.TRAINING, jobId);
            consumer.assign(List.of(batches, training));
            consumer.seek(batches, batchOffset);
            OffsetAndTimestamp fromPlan = consumer.offsetsForTimes(
                    Map.of(training, plannedAt.toEpochMilli()), METADATA_TIMEOUT).get(training);
            if (fromPlan != null) {
                consumer.seek(training, fromPlan.offset());
            } else {
                consumer.seekToEnd(List.of(training));
            }
            return new BatchStream(consumer, jobId, ownSource, batches);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /** The partition a record keyed {@code key} goes to under Kafka's default partitioner. */
    static TopicPartition partitionOf(KafkaConsumer<?, ?> consumer, String topic, String key) {
        int partitions = consumer.partitionsFor(topic, METADATA_TIMEOUT).size();
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        return new TopicPartition(topic, Utils.toPositive(Utils.murmur2(bytes)) % partitions);
    }

    /** The next item of this job, waiting at most {@code timeout}; empty when nothing came. */
    Optional<Item> next(Duration timeout) {
        if (pending.isEmpty()) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
                if (!jobId.equals(record.key())) {
                    continue;
                }
                if (record.topic().equals(batches.topic())) {
                    pending.add(new BatchRecord(record.offset(), record));
                } else {
                    endedElsewhere(record).ifPresent(pending::add);
                }
            }
        }
        return Optional.ofNullable(pending.poll());
    }

    private Optional<Item> endedElsewhere(ConsumerRecord<String, byte[]> record) {
        String type = CloudEventHeaders.lastValue(record.headers(), CloudEventHeaders.CE_TYPE);
        String source = CloudEventHeaders.lastValue(record.headers(), CloudEventHeaders.CE_SOURCE);
        if (!END_TYPE.equals(type) || ownSource.equals(source)) {
            return Optional.empty();
        }
        try {
            PipelineEvent event = EventCodec.INSTANCE.decode(record.headers(), record.value());
            return Optional.of(new EndedElsewhere((TrainingEnded) event, source));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
