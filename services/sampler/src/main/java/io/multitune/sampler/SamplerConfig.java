package io.multitune.sampler;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the sampler ({@code multitune.sampler.*}). */
@ConfigMapping(prefix = "multitune.sampler")
public interface SamplerConfig {
    /** The CloudEvents source attribute of every event this service emits. */
    @WithDefault("/multitune/sampler")
    String eventSource();

    /** How long a run request waits for datasets still being ingested before it is rejected. */
    @WithDefault("10m")
    Duration profileWait();

    /** How often waiting run requests are re-checked (read by the scheduler, which needs it as a plain property). */
    @WithDefault("1s")
    Duration tickEvery();

    /** How long the readiness check waits for the Kafka cluster to answer. */
    @WithDefault("3s")
    Duration readinessTimeout();

    /** Whether to create missing topics at start-up; off where topics are managed (Strimzi). */
    @WithDefault("true")
    boolean provisionTopics();

    /** Partitions of the topics this service creates. */
    @WithDefault("3")
    int topicPartitions();

    /** Replication factor of the topics this service creates. */
    @WithDefault("1")
    short topicReplicationFactor();

    /** Longest wait for the broker at start-up (end offsets, the batch positions scan) before retrying. */
    @WithDefault("30s")
    Duration brokerTimeout();
}
