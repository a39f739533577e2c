package io.multitune.trainer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Settings of the trainer ({@code multitune.trainer.*}). */
@ConfigMapping(prefix = "multitune.trainer")
public interface TrainerConfig {
    /** The CloudEvents source attribute of every event this service emits. */
    @WithDefault("/multitune/trainer")
    String eventSource();

    /** Where checkpoints and models are written: a shared volume when replicas run on several nodes. */
    @WithDefault(".multitune/artifacts")
    Path artifactRoot();

    /** This replica's name in events and logs (default: host name and process id). */
    Optional<String> replica();

    /** Consumer group of the job tickets; replicas in one group share the jobs. */
    @WithDefault("multitune-trainer")
    String jobsGroup();

    /** How long a replica may stay silent before its jobs go to another replica (Kafka session timeout). */
    @WithDefault("10s")
    Duration jobsSessionTimeout();

    /** Training steps between checkpoints (a checkpoint is also written at the end and on shutdown). */
    @WithDefault("20")
    int checkpointEvery();

    /** Training steps per progress event. */
    @WithDefault("10")
    int progressEvery();

    /** Training steps between gradient-conflict measurements (0: never). */
    @WithDefault("50")
    int conflictsEvery();

    /** Longest wait for a job's next batch before the job fails (the sampler is gone or the job was dropped). */
    @WithDefault("30m")
    Duration batchTimeout();

    /** Tokens per input after truncation. */
    @WithDefault("128")
    int maxSequenceLength();

    /** Largest difference allowed between DJL and ONNX Runtime when a base model is loaded. */
    @WithDefault("1e-4")
    double parityTolerance();

    /** How long the readiness check waits for the Kafka cluster to answer. */
    @WithDefault("3s")
    Duration readinessTimeout();

    /** Whether to create missing topics at start-up; off where topics are managed (Strimzi). */
    @WithDefault("true")
    boolean provisionTopics();

    /** Partitions of the topics this service creates; the jobs topic's partitions bound the busy replicas. */
    @WithDefault("3")
    int topicPartitions();

    /** Replication factor of the topics this service creates. */
    @WithDefault("1")
    short topicReplicationFactor();
}
