package io.multitune.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of data-ingest ({@code multitune.ingest.*}). */
@ConfigMapping(prefix = "multitune.ingest")
public interface IngestConfig {
    /** How long a dataset may receive nothing, without an end marker, before a provisional profile is emitted. */
    @WithDefault("30s")
    Duration idleProfileAfter();

    /** How often datasets are checked for idleness (read by the scheduler, which needs it as a plain property). */
    @WithDefault("5s")
    Duration idleCheckEvery();

    /** The CloudEvents source attribute of every event this service emits. */
    @WithDefault("/multitune/data-ingest")
    String eventSource();

    /** How long the readiness check waits for the Kafka cluster to answer. */
    @WithDefault("3s")
    Duration readinessTimeout();

    /** Whether to create missing topics at start-up (examples compacted); off where topics are managed (Strimzi). */
    @WithDefault("true")
    boolean provisionTopics();

    /** Partitions of the topics this service creates. */
    @WithDefault("3")
    int topicPartitions();

    /** Replication factor of the topics this service creates. */
    @WithDefault("1")
    short topicReplicationFactor();

    /** Longest wait for the broker to acknowledge a batch's output before the batch fails and is redelivered. */
    @WithDefault("120s")
    Duration sendTimeout();

    /** Longest wait for the state topics to be read back at start-up before the service gives up and retries. */
    @WithDefault("120s")
    Duration restoreTimeout();
}
