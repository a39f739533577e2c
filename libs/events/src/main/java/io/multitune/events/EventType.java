package io.multitune.events;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The registry of event types: CloudEvents type string, Java record and the schema versions a reader accepts. */
public enum EventType {
    DATASET_REGISTERED("io.multitune.dataset.registered", DatasetRegistered.class, Set.of(1)),
    DATASET_PROFILED("io.multitune.dataset.profiled", DatasetProfiled.class, Set.of(1)),
    EXAMPLE("io.multitune.example", StandardExample.class, Set.of(1)),
    RECORD_REJECTED("io.multitune.record.rejected", RecordRejected.class, Set.of(1)),
    RUN_REQUESTED("io.multitune.run.requested", RunRequest.class, Set.of(1)),
    RUN_REJECTED("io.multitune.run.rejected", RunRejected.class, Set.of(1)),
    RUN_PLANNED("io.multitune.run.planned", RunPlanned.class, Set.of(1)),
    RUN_COMPLETED("io.multitune.run.completed", RunCompleted.class, Set.of(1)),
    RUN_FAILED("io.multitune.run.failed", RunFailed.class, Set.of(1)),
    TRAINING_BATCH("io.multitune.batch", TrainingBatch.class, Set.of(1)),
    BATCHES_ACKNOWLEDGED("io.multitune.training.batches-acknowledged", BatchesAcknowledged.class, Set.of(1)),
    VALIDATION_REPORTED("io.multitune.training.validation-reported", ValidationReported.class, Set.of(1)),
    TRAINING_ENDED("io.multitune.training.ended", TrainingEnded.class, Set.of(1)),
    JOB_QUEUED("io.multitune.training.job-queued", JobQueued.class, Set.of(1)),
    TRAINING_STARTED("io.multitune.training.started", TrainingStarted.class, Set.of(1)),
    TRAINING_PROGRESS("io.multitune.training.progress", TrainingProgress.class, Set.of(1)),
    MODEL_TRAINED("io.multitune.training.model-trained", ModelTrained.class, Set.of(1)),
    MODEL_EVALUATED("io.multitune.evaluation.model-evaluated", ModelEvaluated.class, Set.of(1)),
    EVALUATION_FAILED("io.multitune.evaluation.failed", EvaluationFailed.class, Set.of(1)),
    RUN_EVALUATED("io.multitune.evaluation.run-evaluated", RunEvaluated.class, Set.of(1)),
    MODEL_AUDITED("io.multitune.audit.model-audited", ModelAudited.class, Set.of(1)),
    AUDIT_FAILED("io.multitune.audit.failed", AuditFailed.class, Set.of(1)),
    RUN_AUDITED("io.multitune.audit.run-audited", RunAudited.class, Set.of(1));

    private final String ceType;
    private final Class<? extends PipelineEvent> javaType;
    private final Set<Integer> readableVersions;

    EventType(String ceType, Class<? extends PipelineEvent> javaType, Set<Integer> readableVersions) {
        this.ceType = ceType;
        this.javaType = javaType;
        this.readableVersions = readableVersions;
    }

    public String ceType() {
        return ceType;
    }

    public Class<? extends PipelineEvent> javaType() {
        return javaType;
    }

    public Set<Integer> readableVersions() {
        return readableVersions;
    }

    public static Optional<EventType> ofCeType(String ceType) {
        return Optional.ofNullable(BY_CE_TYPE.get(ceType));
    }

    public static EventType of(Class<? extends PipelineEvent> javaType) {
        EventType type = BY_JAVA_TYPE.get(javaType);
        if (type == null) {
            throw new IllegalArgumentException("not a registered event type: " + javaType.getName());
        }
        return type;
    }

    // Looked up once per record sent or read: a map, not a scan of values().
    private static final Map<String, EventType> BY_CE_TYPE = new HashMap<>();
    private static final Map<Class<?>, EventType> BY_JAVA_TYPE = new HashMap<>();

    static {
        for (EventType t : values()) {
            BY_CE_TYPE.put(t.ceType, t);
            BY_JAVA_TYPE.put(t.javaType, t);
        }
    }
}
