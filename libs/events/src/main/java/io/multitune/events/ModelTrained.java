package io.multitune.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A job's model is written, on {@link Topics#TRAINING}: the ONNX model (one output per task head), the adapter and
 * head weights alone, and the provenance manifest, each as a path relative to the artifact root with its sha256.
 * Readers verify both before use.
 *
 * @param kind      multi-task or baseline
 * @param taskIds   the model's tasks, in head order
 * @param steps     training steps applied
 * @param outcome   how training ended (COMPLETED or EARLY_STOPPED)
 * @param artifacts the files, by role ({@code model}, {@code adapters}, {@code manifest})
 * @param metrics   per task id: the last validation round's results
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelTrained(int schemaVersion, String runId, String jobId, RunPlanned.JobKind kind,
                           List<String> taskIds, long steps, TrainingEnded.Outcome outcome, List<Artifact> artifacts,
                           Map<String, ValidationReported.TaskResult> metrics, Instant at) implements RunScoped {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String subject() {
        return jobId;
    }

    /** The artifact of a role; absent when the event has none. */
    public java.util.Optional<Artifact> artifact(String role) {
        return artifacts.stream().filter(a -> a.role().equals(role)).findFirst();
    }

    /**
     * One file under the artifact root.
     *
     * @param role   model, adapters or manifest
     * @param path   relative to the artifact root, with forward slashes
     * @param sha256 lower-case hex SHA-256 of the file's bytes
     * @param bytes  the file's size
     */
    public record Artifact(String role, String path, String sha256, long bytes) {
    }
}
