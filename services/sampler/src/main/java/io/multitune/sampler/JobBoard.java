package io.multitune.sampler;

import io.multitune.events.Channels;
import io.multitune.events.RunPlanned;
import io.multitune.events.TrainingBatch;
import io.multitune.events.TrainingEnded;
import io.multitune.sampling.plan.PoolDigest;
import io.multitune.sampling.pool.PoolExample;
import io.multitune.sampling.pool.TaskPool;
import io.multitune.sampling.stream.PlannedBatch;
import io.multitune.sampling.stream.TaskedExample;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Every job with batches still to publish, and the trainer's feedback on every job. Publishes batches within each
 * job's window; when the broker refuses a batch, the job is rebuilt from its last batch the broker confirmed, so the
 * stream on the topic never has a gap.
 */
final class JobBoard {
    private static final Logger LOG = Logger.getLogger(JobBoard.class);

    private final Publisher publisher;
    private final SamplerMetrics metrics;
    private final Map<String, JobFeedback> feedback = new HashMap<>();
    private final Map<String, JobDriver> drivers = new LinkedHashMap<>();
    private final Map<String, RunPlanned> planOfJob = new HashMap<>();
    private final Map<String, List<TaskPool>> poolsOfRun = new HashMap<>();
    // Written by producer callbacks, read by the engine thread.
    private final Map<String, Long> confirmed = new ConcurrentHashMap<>();
    private final Map<String, Long> failedAt = new ConcurrentHashMap<>();

    JobBoard(Publisher publisher, SamplerMetrics metrics) {
        this.publisher = publisher;
        this.metrics = metrics;
    }

    JobFeedback feedback(String jobId) {
        return feedback.computeIfAbsent(jobId, j -> new JobFeedback());
    }

    /** Starts the jobs of a new plan from their first batch. */
    void start(RunPlanned plan, List<TaskPool> pools) {
        poolsOfRun.put(plan.runId(), pools);
        for (RunPlanned.JobPlan job : plan.jobs()) {
            planOfJob.put(job.jobId(), plan);
            drivers.put(job.jobId(), driver(plan, job));
        }
    }

    /**
     * Continues the jobs of a plan read back after a restart, after the batches already on the topic. A job whose
     * pool changed since planning cannot be continued deterministically: it is ended with a reason instead.
     */
    void resume(RunPlanned plan, List<TaskPool> pools, Map<String, Long> published) {
        poolsOfRun.put(plan.runId(), pools);
        for (RunPlanned.JobPlan job : plan.jobs()) {
            planOfJob.put(job.jobId(), plan);
            if (feedback(job.jobId()).isEnded()) {
                continue;
            }
            List<TaskPool> jobPools = poolsOf(plan, job);
            String digest = PoolDigest.of(jobPools);
            if (!digest.equals(job.poolDigest())) {
                endUnresumable(plan, job);
                continue;
            }
            JobDriver driver = driver(plan, job);
            long last = published.getOrDefault(job.jobId(), -1L);
            try {
                driver.skipThrough(last);
            } catch (RuntimeException e) {
                end(plan.runId(), job, "cannot continue after batch " + last + ": " + e.getMessage());
                continue;
            }
            confirmed.put(job.jobId(), last);
            if (!driver.finished()) {
                drivers.put(job.jobId(), driver);
                LOG.infof("job %s resumes after batch %d (trainer acknowledged %d)", job.jobId(), last,
                        feedback(job.jobId()).acknowledged());
            }
        }
    }

    /** Publishes every batch the windows allow. */
    void pump() {
        rebuildFailed();
        drivers.values().removeIf(driver -> {
            try {
                Optional<PlannedBatch> next;
                while ((next = driver.next()).isPresent()) {
                    publish(driver, next.get());
                }
                return driver.finished();
            } catch (RuntimeException e) {
                LOG.errorf(e, "job %s failed", driver.job().jobId());
                end(driver.runId(), driver.job(), "the sampler failed to produce the job's next batch: " + e);
                return true;
            }
        });
        metrics.activeJobs(drivers.size());
    }

    /**
     * Stops every job of a run that has ended (a failed run, or one judged without a late baseline): no more of its
     * batches, and a training-ended event for each job the trainer has not ended, so a trainer stops it too.
     */
    void endRun(String runId, String why) {
        drivers.values().removeIf(driver -> driver.runId().equals(runId));
        planOfJob.values().stream().filter(plan -> plan.runId().equals(runId)).findFirst().ifPresent(plan -> {
            for (RunPlanned.JobPlan job : plan.jobs()) {
                if (!feedback(job.jobId()).isEnded()) {
                    LOG.infof("job %s stopped: %s", job.jobId(), why);
                    announceEnd(runId, job, why + "; the job is no longer needed");
                }
            }
        });
        metrics.activeJobs(drivers.size());
    }

    int activeJobs() {
        return drivers.size();
    }

    private void publish(JobDriver driver, PlannedBatch batch) {
        String jobId = driver.job().jobId();
        List<PoolExample> examples = batch.examples().stream().map(TaskedExample::example).toList();
        TrainingBatch header = new TrainingBatch(TrainingBatch.SCHEMA_VERSION, driver.runId(), jobId,
                batch.sequence(), batch.kind(), batch.step(), batch.validationRound(), batch.last(), List.of());
        byte[] body = BatchEncoder.encode(header, examples);
        long sequence = batch.sequence();
        publisher.encoded(Channels.BATCHES_OUT, jobId, TrainingBatch.class, jobId, body,
                        Map.of(TrainingBatch.SEQUENCE_HEADER, Long.toString(sequence)))
                .whenComplete((ok, failure) -> {
                    if (failure == null) {
                        confirmed.merge(jobId, sequence, Math::max);
                    } else {
                        failedAt.merge(jobId, sequence, Math::min);
                        metrics.publishFailed();
                        LOG.errorf(failure, "batch %d of job %s was not written; the job restarts after the last "
                                + "written batch", sequence, jobId);
                    }
                });
        metrics.batchPublished(driver.job().kind().name(), examples.size());
    }

    private void rebuildFailed() {
        for (String jobId : List.copyOf(failedAt.keySet())) {
            failedAt.remove(jobId);
            RunPlanned plan = planOfJob.get(jobId);
            RunPlanned.JobPlan job = plan.jobs().stream().filter(j -> j.jobId().equals(jobId)).findFirst()
                    .orElseThrow();
            JobDriver driver = driver(plan, job);
            driver.skipThrough(confirmed.getOrDefault(jobId, -1L));
            drivers.put(jobId, driver);
        }
    }

    private JobDriver driver(RunPlanned plan, RunPlanned.JobPlan job) {
        return new JobDriver(plan.runId(), job, plan.request(), poolsOf(plan, job), feedback(job.jobId()));
    }

    /** The pools of a job's tasks, in the job's task order, out of the run's pools. */
    private List<TaskPool> poolsOf(RunPlanned plan, RunPlanned.JobPlan job) {
        Map<String, TaskPool> byTask = new HashMap<>();
        poolsOfRun.get(plan.runId()).forEach(p -> byTask.put(p.taskId(), p));
        return job.tasks().stream().map(t -> byTask.get(t.taskId())).toList();
    }

    private void endUnresumable(RunPlanned plan, RunPlanned.JobPlan job) {
        end(plan.runId(), job, "the examples of the job's tasks changed since the run was planned (pool digest "
                + "differs), so its batch stream cannot be continued deterministically; submit the run again");
    }

    /** Ends a job the sampler cannot continue, with the reason on the training topic for the trainer and users. */
    private void end(String runId, RunPlanned.JobPlan job, String message) {
        LOG.errorf("job %s ended: %s", job.jobId(), message);
        announceEnd(runId, job, message);
    }

    private void announceEnd(String runId, RunPlanned.JobPlan job, String message) {
        feedback(job.jobId()).ended();
        publisher.event(Channels.TRAINING_OUT, job.jobId(), new TrainingEnded(TrainingEnded.SCHEMA_VERSION,
                runId, job.jobId(), TrainingEnded.Outcome.FAILED, -1, message, Instant.now()));
    }
}
