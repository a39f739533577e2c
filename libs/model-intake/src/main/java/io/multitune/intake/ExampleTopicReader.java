package io.multitune.intake;

import io.multitune.events.EventCodec;
import io.multitune.events.PipelineEvent;
import io.multitune.events.Split;
import io.multitune.events.StandardExample;
import io.multitune.events.Topics;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the examples of some datasets and splits from {@link Topics#EXAMPLES}, the source of truth: the whole
 * compacted topic up to its end offsets at the time of the call, the last value of each example id winning and a
 * tombstone removing it. Records that cannot be read are skipped: data-ingest validated every example it wrote, so one that does not
 * decode is not a test example the evaluator could score anyway.
 */
public final class ExampleTopicReader {
    private static final Duration POLL = Duration.ofMillis(500);

    private final Map<String, Object> kafkaConfig;
    private final Duration timeout;

    public ExampleTopicReader(Map<String, Object> kafkaConfig, Duration timeout) {
        this.kafkaConfig = kafkaConfig;
        this.timeout = timeout;
    }

    /** Every TEST example of the datasets, by example id. */
    public Map<String, StandardExample> readTestSplit(Set<String> datasets) throws TimeoutException {
        return read(datasets, Set.of(Split.TEST));
    }

    /** Every example of the datasets in the given splits, by example id. */
    public Map<String, StandardExample> read(Set<String> datasets, Set<Split> splits) throws TimeoutException {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 << 20);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            return readUntil(consumer, end, datasets, splits);
        }
    }

    private Map<String, StandardExample> readUntil(KafkaConsumer<String, byte[]> consumer,
                                                   Map<TopicPartition, Long> end, Set<String> datasets,
                                                   Set<Split> splits)
            throws TimeoutException {
        Map<String, StandardExample> examples = new HashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reached(consumer, end)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the examples were not read within " + timeout + " (topic "
                        + Topics.EXAMPLES + ")");
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                apply(record, datasets, splits, examples);
            }
        }
        return examples;
    }

    private static void apply(ConsumerRecord<String, byte[]> record, Set<String> datasets, Set<Split> splits,
                              Map<String, StandardExample> examples) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            examples.remove(record.key());
            return;
        }
        PipelineEvent event;
        try {
            event = EventCodec.INSTANCE.decode(record.headers(), record.value());
        } catch (RuntimeException e) {
            return;
        }
        if (event instanceof StandardExample example) {
            if (splits.contains(example.split()) && datasets.contains(example.datasetId())) {
                examples.put(example.id(), example);
            } else {
                // An example moved out of the splits (or to another dataset) by a later version.
                examples.remove(example.id());
            }
        }
    }

    private static boolean reached(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
        List<PartitionInfo> infos = consumer.partitionsFor(Topics.EXAMPLES, timeout);
        return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }
}
