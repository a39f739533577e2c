package io.multitune.cli.bench;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Counts a stage's output records on a topic until the expected number arrived, and keeps the broker's append time
 * of the first and the last: the stage's throughput is measured by the broker's clock, start-up excluded.
 */
record OutputWindow(long records, long distinctKeys, long firstAppendMillis, long lastAppendMillis,
                    long measured) {

    /** Records per second inside the measured window (after the warm-up records). */
    double recordsPerSecond() {
        double seconds = Math.max(1, lastAppendMillis - firstAppendMillis) / 1000.0;
        return (measured - 1) / seconds;
    }

    static OutputWindow await(String bootstrap, String topic, long expected, Predicate<ConsumerRecord<String, byte[]>> counts,
                              Duration timeout) {
        return await(bootstrap, topic, expected, 0, counts, timeout);
    }

    /**
     * Waits for {@code expected} counted records; the window opens at the record that follows the first
     * {@code warmup} ones (a single partition keeps them in order) and closes at the last.
     */
    static OutputWindow await(String bootstrap, String topic, long expected, long warmup,
                              Predicate<ConsumerRecord<String, byte[]>> counts, Duration timeout) {
        // Large fetches: the window is read from append times, so this consumer's latency does not move it, while
        // a caught-up consumer's tiny fetches cost the shared broker CPU for every second the stage runs.
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 262144,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long n = 0;
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            Set<String> keys = new HashSet<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (n < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + n + " of " + expected + " records arrived on " + topic
                            + " within " + timeout.toSeconds() + " s");
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (counts.test(r)) {
                        n++;
                        keys.add(r.key());
                        if (n > warmup) {
                            first = Math.min(first, r.timestamp());
                            last = Math.max(last, r.timestamp());
                        }
                    }
                }
            }
            return new OutputWindow(n, keys.size(), first, last, n - warmup);
        }
    }
}
