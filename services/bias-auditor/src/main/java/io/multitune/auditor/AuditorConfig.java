package io.multitune.auditor;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the bias auditor ({@code multitune.auditor.*}). */
@ConfigMapping(prefix = "multitune.auditor")
public interface AuditorConfig {
    /** The CloudEvents source attribute of every event this service emits. */
    @WithDefault("/multitune/bias-auditor")
    String eventSource();

    /** Where the trainers write models and the auditor writes bias reports: the same volume as the trainers'. */
    @WithDefault(".multitune/artifacts")
    Path artifactRoot();

    /** ONNX Runtime intra-op threads per model (0: ONNX Runtime's choice, one per core). */
    @WithDefault("0")
    int intraOpThreads();

    /** Model inputs per ONNX Runtime call. */
    @WithDefault("32")
    int batchSize();

    /** Tokens per input after truncation; must equal the trainers' {@code max-sequence-length}. */
    @WithDefault("128")
    int maxSequenceLength();

    /** Test examples read per task at most (a seeded sample, the same for every model of a run, above). */
    @WithDefault("2000")
    int maxTestExamplesPerTask();

    /** Test examples mentioning a listed term that are swapped, per task at most (a seeded sample above). */
    @WithDefault("500")
    int maxSourcesPerTask();

    /** Template sentences swapped per task at most. */
    @WithDefault("200")
    int maxTemplateCases();

    /** The most changed pairs per task whose tokens are attributed by occlusion. */
    @WithDefault("5")
    int explainCases();

    /** Tokens kept per task in the explanation's ranking. */
    @WithDefault("10")
    int topTokens();

    /** Most changed pairs kept per task in the events and the report. */
    @WithDefault("5")
    int changedCases();

    /** Groups smaller than this are reported but left out of the parity and odds differences. */
    @WithDefault("30")
    int minGroupSize();

    /** Resamples of every bootstrap interval (at least 1000). */
    @WithDefault("1000")
    int bootstrapResamples();

    /** Characters of an input kept in a changed case. */
    @WithDefault("300")
    int caseInputChars();

    /**
     * Further term lists to swap, besides the shipped gendered words and names: files in the documented format
     * ({@code category: a | b | c} per line), e.g. religion or nationality terms.
     */
    Optional<List<Path>> termLists();

    /** Most mentioned terms listed per task, split and category in the representation table. */
    @WithDefault("5")
    int representationTopTerms();

    /** How long after the multi-task model is audited the auditor waits for missing baselines. */
    @WithDefault("30m")
    Duration baselineTimeout();

    /** How often runs waiting for baselines are looked at (the timeout's resolution). */
    @WithDefault("2s")
    Duration tickEvery();

    /** How long a read of the examples topic may take. */
    @WithDefault("2m")
    Duration examplesReadTimeout();

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
}
