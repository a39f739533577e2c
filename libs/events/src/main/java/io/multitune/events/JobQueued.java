package io.multitune.events;

import java.time.Instant;

/**
 * One planned job waiting for a trainer, on {@link Topics#JOBS} keyed by job id. Trainer replicas read this topic in
 * one consumer group, so each job goes to exactly one replica at a time; a replica commits the job's offset only
 * once the job has ended, so a job whose replica dies is redelivered to another (which resumes it from its last
 * checkpoint). The ticket carries the whole plan: the effective request and the job's tasks are what a trainer needs.
 *
 * @param plan the run's plan; {@code jobId} names one of its jobs
 */
public record JobQueued(int schemaVersion, String runId, String jobId, RunPlanned plan, Instant at)
        implements RunScoped {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String subject() {
        return jobId;
    }

    /** The job this ticket is for. */
    public RunPlanned.JobPlan job() {
        return plan.jobs().stream().filter(j -> j.jobId().equals(jobId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("job " + jobId + " is not in the plan of run " + runId));
    }
}
