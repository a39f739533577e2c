package io.multitune.training.artifacts;

import io.multitune.events.RunPlanned.JobPlan;
import io.multitune.events.RunRequest;
import io.multitune.events.TrainingEnded;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a job's model came from, as its manifest records it.
 *
 * @param runId           the run
 * @param baseModel       the pretrained encoder's name (e.g. all-MiniLM-L6-v2)
 * @param baseModelSha256 hex SHA-256 of the base model's file ({@code BertCheckpoint.sha256()})
 * @param request         the effective run request (defaults filled in, as {@code RunPlanned} carries it)
 * @param datasetProfiles ids of the dataset profiles the job's data came from
 * @param job             the job's plan; its job id names the job directory, its tasks must be the model's heads
 * @param codeVersion     the trainer's code version (e.g. a git commit or release)
 * @param seed            the job's seed
 * @param stepsTrained    training steps done
 * @param outcome         how training ended
 * @param metrics         task id → final validation figures (may be empty; keys must be tasks of the job)
 * @param createdAt       when the artifacts were made
 */
public record ArtifactProvenance(String runId, String baseModel, String baseModelSha256, RunRequest request,
                                 List<String> datasetProfiles, JobPlan job, String codeVersion, long seed,
                                 long stepsTrained, TrainingEnded.Outcome outcome, Map<String, TaskMetrics> metrics,
                                 Instant createdAt) {

    public ArtifactProvenance {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(baseModel, "baseModel");
        Objects.requireNonNull(baseModelSha256, "baseModelSha256");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(job.jobId(), "job.jobId");
        Objects.requireNonNull(codeVersion, "codeVersion");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(createdAt, "createdAt");
        datasetProfiles = datasetProfiles == null ? List.of() : List.copyOf(datasetProfiles);
        metrics = metrics == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        if (stepsTrained < 0) {
            throw new IllegalArgumentException("negative steps " + stepsTrained);
        }
    }

    public String jobId() {
        return job.jobId();
    }
}
