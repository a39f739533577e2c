package io.multitune.events;

/** Kafka topic names of the pipeline; code, tests, the CLI and the Helm chart all use these. */
public final class Topics {
    /** Raw records from producers, plus dataset specs and end-of-import markers; key = dataset id. */
    public static final String DATA_RAW = "multitune.data.raw";
    /** Rejected raw records with a machine-readable reason; key = dataset id. */
    public static final String DATA_DLQ = "multitune.data.dlq";
    /** Standard examples, compacted; key = example id; a null value removes an example. */
    public static final String EXAMPLES = "multitune.examples";
    /** Dataset registered and profiled events; key = dataset id. */
    public static final String DATASETS = "multitune.datasets";
    /** Run requests and run lifecycle events; key = run id. */
    public static final String RUNS = "multitune.runs";
    /** Balanced batches of one training job, in order; key = job id. */
    public static final String BATCHES = "multitune.batches";
    /**
     * Planned jobs waiting for a trainer (job-queued tickets); key = job id. Trainer replicas share it in one
     * consumer group: its partitions bound how many replicas can train at once.
     */
    public static final String JOBS = "multitune.jobs";
    /** Training progress, checkpoints and model-trained events; key = job id. */
    public static final String TRAINING = "multitune.training";
    /** Per-model evaluations and the run's comparison; key = run id. */
    public static final String EVALUATIONS = "multitune.evaluations";
    /** Bias audits and their comparison; key = run id. */
    public static final String AUDITS = "multitune.audits";

    /** Every topic, in pipeline order. */
    public static final java.util.List<String> ALL = java.util.List.of(
            DATA_RAW, DATA_DLQ, EXAMPLES, DATASETS, RUNS, BATCHES, JOBS, TRAINING, EVALUATIONS, AUDITS);

    private Topics() {
    }
}
