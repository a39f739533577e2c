package io.multitune.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The plan of a run, on {@link Topics#RUNS}: the effective request (every default filled in) and every job.
 * Job 0 is the multi-task job; with baselines on, one single-task baseline job per task follows.
 */
public record RunPlanned(int schemaVersion, String runId, RunRequest request, List<JobPlan> jobs, Instant plannedAt)
        implements RunScoped {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String subject() {
        return runId;
    }

    /** What a job is for. */
    public enum JobKind { MULTI_TASK, BASELINE }

    /**
     * One training job. Its batches go to {@link Topics#BATCHES} keyed by {@code jobId}.
     *
     * @param steps              training batches of the job
     * @param validationRounds   validation rounds the job's batch stream contains (the last one after the last step)
     * @param poolDigest         SHA-256 over the sorted ids of the job's training and validation examples: a
     *                           restarted sampler continues the job only if its pool is still the same
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JobPlan(String jobId, JobKind kind, List<TaskPlan> tasks, long steps, int batchSize,
                          long validationRounds, String poolDigest) {
    }

    /**
     * One task inside a job.
     *
     * @param datasets           the datasets feeding the task
     * @param labels             the label (or tag) vocabulary of the task's head, sorted; empty for regression
     * @param proportion         share of training examples drawn from this task (the effective mixing weight)
     * @param poolExamples       training examples available to the task
     * @param plannedExamples    training examples the job draws from this task (with repetition across passes)
     * @param passes             plannedExamples / poolExamples
     * @param validationExamples validation examples per round
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TaskPlan(String taskId, TaskType taskType, List<String> datasets, List<String> labels,
                           double proportion, long poolExamples, long plannedExamples, double passes,
                           long validationExamples) {
    }
}
