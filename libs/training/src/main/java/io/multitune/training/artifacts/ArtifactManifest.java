package io.multitune.training.artifacts;

import io.multitune.events.RunPlanned.JobPlan;
import io.multitune.events.RunRequest;
import io.multitune.events.TrainingEnded;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@value JobArtifacts#MANIFEST_FILE} of a job directory: the provenance of the model and the files beside it.
 * JSON as the events write it (ISO-8601 times, absent values left out). {@code format} is bumped on incompatible
 * changes; readers refuse formats they do not know.
 *
 * @param format          {@value JobArtifacts#FORMAT}
 * @param runId           the run
 * @param jobId           the job
 * @param baseModel       the pretrained encoder and the SHA-256 of its file
 * @param request         the effective run request
 * @param datasetProfiles ids of the dataset profiles the data came from
 * @param job             the job's plan (tasks, labels, steps, pool digest)
 * @param codeVersion     the trainer's code version
 * @param seed            the job's seed
 * @param stepsTrained    training steps done
 * @param outcome         how training ended
 * @param metrics         task id → final validation figures, in the job's task order
 * @param adapters        the fine-tuning method actually used and how many values it trained
 * @param createdAt       when the artifacts were made
 * @param files           the model and adapter files, paths relative to the job directory
 */
public record ArtifactManifest(int format, String runId, String jobId, BaseModel baseModel, RunRequest request,
                               List<String> datasetProfiles, JobPlan job, String codeVersion, long seed,
                               long stepsTrained, TrainingEnded.Outcome outcome, Map<String, TaskMetrics> metrics,
                               Adapters adapters, Instant createdAt, List<ManifestFile> files) {

    /** The base model: name and SHA-256 of its file. */
    public record BaseModel(String name, String sha256) {
    }

    /**
     * The trainable weights.
     *
     * @param method     the adapter method, as the run request's adapter section writes it
     * @param parameters trainable values (adapters and heads)
     */
    public record Adapters(RunRequest.Adapter method, long parameters) {
    }

    /** A file of the job directory: role, path relative to the directory, SHA-256 and size. */
    public record ManifestFile(String role, String path, String sha256, long bytes) {
    }

    /** The listed file of a role. */
    public ManifestFile file(String role) {
        return files.stream().filter(f -> f.role().equals(role)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the manifest lists no " + role + " file"));
    }
}
