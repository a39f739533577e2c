package io.multitune.testing.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produce raw records and read them back, as an outside producer or consumer would: string keys, byte[] values,
 * string headers. Each read uses a fresh consumer group and starts from the beginning of the topic.
 *
 * <pre>{@code
 * try (KafkaTestClient kafka = TestBroker.shared().client()) {
 *     kafka.produce(Topics.DATA_RAW, "ds-1", bytes, Map.of("ce_type", "..."));
 *     List<ConsumerRecord<String, byte[]>> out = kafka.consume(Topics.EXAMPLES, 10, Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class KafkaTestClient implements AutoCloseable {
    private final String bootstrapServers;
    private final Map<String, Object> extraConfig;
    private KafkaProducer<String, byte[]> producer;

    /** A client of the cluster at {@code bootstrapServers}. */
    public KafkaTestClient(String bootstrapServers) {
        this(bootstrapServers, Map.of());
    }

    /** A client with extra client settings (security settings, for example) for its producer and consumers. */
    public KafkaTestClient(String bootstrapServers, Map<String, ?> extraConfig) {
        this.bootstrapServers = bootstrapServers;
        this.extraConfig = Map.copyOf(extraConfig);
    }

    /** Sends one record and waits for the broker's acknowledgement. */
    public RecordMetadata produce(String topic, String key, byte[] value, Map<String, String> headers) {
        return produce(new ProducerRecord<>(topic, null, key, value, toHeaders(headers)));
    }

    /** Sends many records, in order, and waits until the broker has acknowledged all of them. */
    public void produceAll(List<ProducerRecord<String, byte[]>> records) {
        List<java.util.concurrent.Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        records.forEach(r -> sent.add(producer().send(r)));
        producer().flush();
        for (java.util.concurrent.Future<RecordMetadata> f : sent) {
            try {
                f.get(60, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("could not produce to " + records.get(0).topic() + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while producing", e);
            }
        }
    }

    /** Sends a ready-made record (an event with its CloudEvents headers, say) and waits for the acknowledgement. */
    public RecordMetadata produce(ProducerRecord<String, byte[]> record) {
        String topic = record.topic();
        try {
            return producer().send(record).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not produce to " + topic + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out producing to " + topic + " on " + bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while producing to " + topic, e);
        }
    }

    /** Sends a tombstone (null value) for {@code key}, e.g. to delete an example on a compacted topic. */
    public RecordMetadata produceTombstone(String topic, String key) {
        return produce(topic, key, (byte[]) null, Map.of());
    }

    /** Sends one record with a UTF-8 string value (null: a tombstone). */
    public RecordMetadata produce(String topic, String key, String value, Map<String, String> headers) {
        return produce(topic, key, value == null ? null : value.getBytes(StandardCharsets.UTF_8), headers);
    }

    /**
     * Reads {@code topic} from the beginning with a fresh consumer group until at least {@code atLeast} records have
     * arrived, and returns all it read.
     *
     * @throws AssertionError if fewer arrive within {@code timeout} (the message says how many did)
     */
    public List<ConsumerRecord<String, byte[]>> consume(String topic, int atLeast, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = newConsumer()) {
            consumer.subscribe(List.of(topic));
            while (out.size() < atLeast) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected at least " + atLeast + " records on " + topic + " within "
                            + timeout.toMillis() + " ms, got " + out.size());
                }
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofNanos(Math.min(left, 200_000_000L)));
                records.forEach(out::add);
            }
        }
        return out;
    }

    /**
     * Reads {@code topic} from the beginning with a fresh consumer group until no record has arrived for {@code idle}
     * (counted from when the consumer got its partitions) or {@code max} has passed, and returns all it read.
     */
    public List<ConsumerRecord<String, byte[]>> consumeUntilIdle(String topic, Duration idle, Duration max) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        long start = System.nanoTime();
        long deadline = start + max.toNanos();
        long[] lastActivity = {start};
        boolean[] assigned = {false};
        try (KafkaConsumer<String, byte[]> consumer = newConsumer()) {
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    assigned[0] = true;
                    lastActivity[0] = System.nanoTime();
                }
            });
            while (System.nanoTime() < deadline) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                long now = System.nanoTime();
                if (!records.isEmpty()) {
                    records.forEach(out::add);
                    lastActivity[0] = now;
                } else if (assigned[0] && now - lastActivity[0] >= idle.toNanos()) {
                    break;
                }
            }
        }
        return out;
    }

    /** The value of a header as UTF-8 text (the last one of that name), or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** All headers of a record as UTF-8 text, last value per name. */
    public static Map<String, String> headers(ConsumerRecord<?, ?> record) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Header h : record.headers()) {
            out.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The record's value as UTF-8 text, or null for a tombstone. */
    public static String valueAsString(ConsumerRecord<?, byte[]> record) {
        return record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        Properties props = new Properties();
        props.putAll(extraConfig);
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "multitune-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "multitune-test-consumer-" + UUID.randomUUID());
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.putAll(extraConfig);
            props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "multitune-test-producer-" + UUID.randomUUID());
            producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private static List<Header> toHeaders(Map<String, String> headers) {
        List<Header> out = new ArrayList<>();
        if (headers != null) {
            headers.forEach((k, v) -> out.add(new RecordHeader(k, v == null ? null : v.getBytes(StandardCharsets.UTF_8))));
        }
        return out;
    }

    /** Closes the producer, if one was made. */
    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
            producer = null;
        }
    }
}
