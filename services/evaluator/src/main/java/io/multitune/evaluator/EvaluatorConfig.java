package io.multitune.evaluator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** Settings of the evaluator ({@code multitune.evaluator.*}). */
@ConfigMapping(prefix = "multitune.evaluator")
public interface EvaluatorConfig {
    /** The CloudEvents source attribute of every event this service emits. */
    @WithDefault("/multitune/evaluator")
    String eventSource();

    /** Where the trainers write models and the evaluator writes reports: the same volume as the trainers'. */
    @WithDefault(".multitune/artifacts")
    Path artifactRoot();

    /** ONNX Runtime intra-op threads per model (0: ONNX Runtime's choice, one per core). */
    @WithDefault("0")
    int intraOpThreads();

    /** Test examples per ONNX Runtime call. */
    @WithDefault("32")
    int batchSize();

    /** Tokens per input after truncation; must equal the trainers' {@code max-sequence-length}. */
    @WithDefault("128")
    int maxSequenceLength();

    /**
     * Test examples scored per task at most (a seeded sample, the same for every model of a run, when the test
     * split is larger); bounds scoring time on big datasets.
     */
    @WithDefault("2000")
    int maxTestExamplesPerTask();

    /** Resamples of the paired bootstrap (at least 1000). */
    @WithDefault("1000")
    int bootstrapResamples();

    /** Errors and disagreements kept per task for the qualitative review, each. */
    @WithDefault("5")
    int reviewCases();

    /** Characters of an example's input kept in the review (longer inputs are cut, with an ellipsis). */
    @WithDefault("300")
    int reviewInputChars();

    /**
     * How long after the multi-task model is scored the evaluator waits for missing baselines before it judges
     * the run without them (and says so).
     */
    @WithDefault("30m")
    Duration baselineTimeout();

    /** How often runs waiting for baselines are looked at (the timeout's resolution). */
    @WithDefault("2s")
    Duration tickEvery();

    /** How long a read of the test split may take before the model's evaluation fails. */
    @WithDefault("2m")
    Duration testSplitTimeout();

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

    /** The run lifecycle: how long a run may wait for each stage before it ends as failed. */
    Lifecycle lifecycle();

    /** Settings of the run lifecycle ({@code multitune.evaluator.lifecycle.*}). */
    interface Lifecycle {
        /** From a run request to its plan or rejection; longer than the sampler's {@code profile-wait}. */
        @WithDefault("15m")
        Duration planTimeout();

        /** How long the training topic may stay silent while a job of a run has not ended (trainer down or stuck). */
        @WithDefault("30m")
        Duration trainingStallTimeout();

        /** From the end of a run's last job to its evaluation, and to its bias audit. */
        @WithDefault("60m")
        Duration judgementTimeout();
    }
}
