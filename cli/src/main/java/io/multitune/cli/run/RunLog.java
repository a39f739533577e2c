package io.multitune.cli.run;

import io.multitune.cli.common.CliException;
import io.multitune.cli.ingest.DurationConverter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * One consumer over the topics that tell about runs, assigned to their partitions (no consumer group, nothing
 * committed: reading a run never moves anyone's position). It reads either everything up to the end offsets as they
 * are at one moment ({@link #catchUp}), which is how a run that already ended is replayed, or what has arrived since
 * the last read ({@link #poll}). Either way the records come back decoded and in order ({@link RunRecord#IN_ORDER}).
 */
final class RunLog implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(250);

    private final KafkaConsumer<String, byte[]> consumer;

    private RunLog(Map<String, Object> connection, String clientId) {
        Map<String, Object> props = new HashMap<>(connection);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"); // a position lost to retention: go on
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false); // reading must not create topics
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * A log on {@code connection}, once a broker has answered.
     *
     * @throws io.multitune.cli.common.CliException exit {@link RunExit#KAFKA_UNREACHABLE}
     */
    static RunLog open(Map<String, Object> connection, String clientId) {
        RunClient.checkReachable(connection);
        return new RunLog(connection, clientId);
    }

    /**
     * Reads {@code topic} from its beginning (and nothing else).
     *
     * @return false when the topic does not exist
     */
    boolean readFromBeginning(String topic) {
        List<TopicPartition> partitions = partitions(topic);
        if (partitions.isEmpty()) {
            return false;
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return true;
    }

    /**
     * Reads the topics (those that exist), each partition from its first record at or after {@code from}, or from
     * its end when it has none.
     */
    void readFrom(List<String> topics, Instant from) {
        List<TopicPartition> partitions = new ArrayList<>();
        topics.forEach(t -> partitions.addAll(partitions(t)));
        consumer.assign(partitions);
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(p -> times.put(p, from.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
        List<TopicPartition> quiet = new ArrayList<>();
        for (TopicPartition p : partitions) {
            OffsetAndTimestamp found = offsets.get(p);
            if (found != null) {
                consumer.seek(p, found.offset());
            } else {
                quiet.add(p);
            }
        }
        if (!quiet.isEmpty()) {
            consumer.seekToEnd(quiet); // an empty list would mean every assigned partition
        }
    }

    /**
     * Everything {@code wanted} (by topic and key) up to the end offsets as they are now, in order. Stops early,
     * with what it has, at {@code deadlineNanos} ({@link System#nanoTime()}).
     */
    List<RunRecord> catchUp(long deadlineNanos, BiPredicate<String, String> wanted) {
        List<RunRecord> records = new ArrayList<>();
        readToEnds(deadlineNanos, wanted, records);
        return records;
    }

    /**
     * Everything {@code wanted} up to the end offsets as they are now, in order.
     *
     * @throws CliException exit {@link RunExit#TIMEOUT} when that takes longer than {@code timeout}
     */
    List<RunRecord> readToEnd(Duration timeout, BiPredicate<String, String> wanted) {
        List<RunRecord> records = new ArrayList<>();
        if (!readToEnds(System.nanoTime() + timeout.toNanos(), wanted, records)) {
            throw new CliException("reading " + String.join(", ", topics()) + " to its end took longer than "
                    + DurationConverter.format(timeout), RunExit.TIMEOUT, null, null);
        }
        return records;
    }

    private boolean readToEnds(long deadlineNanos, BiPredicate<String, String> wanted, List<RunRecord> into) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        boolean reached;
        while (!(reached = reached(ends)) && System.nanoTime() < deadlineNanos) {
            read(wanted, into);
        }
        into.sort(RunRecord.IN_ORDER);
        return reached;
    }

    private List<String> topics() {
        return consumer.assignment().stream().map(TopicPartition::topic).distinct().sorted().toList();
    }

    /** What {@code wanted} arrived since the last read (waiting up to a quarter second), in order. */
    List<RunRecord> poll(BiPredicate<String, String> wanted) {
        List<RunRecord> records = new ArrayList<>();
        read(wanted, records);
        records.sort(RunRecord.IN_ORDER);
        return records;
    }

    private void read(BiPredicate<String, String> wanted, List<RunRecord> into) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
            if (wanted.test(r.topic(), r.key())) {
                RunRecord record = RunRecord.of(r);
                if (record != null) {
                    into.add(record);
                }
            }
        }
    }

    private boolean reached(Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private List<TopicPartition> partitions(String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        return infos == null ? List.of()
                : infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
