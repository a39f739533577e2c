package io.multitune.cli.common;

import io.multitune.events.TopicLayout;
import io.multitune.events.Topics;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.KafkaException;

/**
 * Creates every pipeline topic ({@link Topics#ALL}) that is missing, with the configs of {@link TopicLayout}:
 * {@code multitune.examples} compacted (the source of truth, keyed by example id), {@code multitune.datasets} kept
 * forever and not compacted (a dataset's spec and its profiles share the key; compaction would drop the spec). The
 * others use the broker defaults. Existing topics are left as they are.
 */
public final class TopicProvisioning {
    /** Partitions of each pipeline topic on a local broker: room for a few consumers per group. */
    public static final int DEFAULT_PARTITIONS = 3;

    private TopicProvisioning() {
    }

    /**
     * Creates the missing pipeline topics.
     *
     * @param partitions        partitions of each created topic; 0 or less lets the cluster choose (num.partitions)
     * @param replicationFactor 1 on a local broker; 0 or less lets the cluster choose (default.replication.factor)
     * @return the topics created (empty if all existed)
     */
    public static List<String> ensureTopics(KafkaSettings kafka, int partitions, short replicationFactor) {
        try {
            return io.multitune.kafka.TopicProvisioning.ensure(kafka.clientConfig(), Topics.ALL, partitions,
                    replicationFactor, Duration.ofSeconds(30));
        } catch (KafkaException e) {
            throw new CliException("Kafka at " + kafka.bootstrapServers() + ": " + e.getMessage(), e);
        }
    }

    /** {@link #ensureTopics(KafkaSettings, int, short)} with {@value #DEFAULT_PARTITIONS} partitions, replication 1. */
    public static List<String> ensureTopics(KafkaSettings kafka) {
        return ensureTopics(kafka, DEFAULT_PARTITIONS, (short) 1);
    }
}
