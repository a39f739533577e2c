package io.multitune.intake;

import io.multitune.events.EvaluationFailed;
import io.multitune.events.EventCodec;
import io.multitune.events.ModelTrained;
import io.multitune.events.PipelineEvent;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunPlanned.JobPlan;
import io.multitune.events.TrainingEnded;
import io.multitune.events.TrainingProgress;
import io.multitune.events.ValidationReported;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Follows runs from their events (plans on the runs topic; models, progress, validation and failed jobs on the
 * training topic), read in order by one consumer: a model is handed to the {@link RunJudge} as soon as its
 * model-trained event and its run's plan are both known; a run is judged once its multi-task model is processed and
 * every baseline is settled (processed or failed), or when {@code baselineTimeout} has passed since the multi-task
 * model was processed, the missing baselines then named with why. Every method runs under this object's lock.
 *
 * @param <M> what the judge makes of one model
 */
public final class RunTracker<M> {
    private static final System.Logger LOG = System.getLogger(RunTracker.class.getName());

    private final RunJudge<M> judge;
    private final ExampleTopicReader reader;
    private final int maxTestExamplesPerTask;
    private final Duration baselineTimeout;
    private final Map<String, TrackedRun> runs = new HashMap<>();
    private final LongSupplier nanoClock;

    public RunTracker(RunJudge<M> judge, ExampleTopicReader reader, int maxTestExamplesPerTask,
                      Duration baselineTimeout) {
        this(judge, reader, maxTestExamplesPerTask, baselineTimeout, System::nanoTime);
    }

    /** With the clock the baseline timeout is measured on (tests move it instead of sleeping). */
    RunTracker(RunJudge<M> judge, ExampleTopicReader reader, int maxTestExamplesPerTask, Duration baselineTimeout,
               LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.judge = judge;
        this.reader = reader;
        this.maxTestExamplesPerTask = maxTestExamplesPerTask;
        this.baselineTimeout = baselineTimeout;
    }

    /** Applies the records of the runs and training topics, in order; records that do not decode are skipped. */
    public synchronized void onRecords(Iterable<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> r : records) {
            if (r.value() == null) {
                continue;
            }
            PipelineEvent event;
            try {
                event = EventCodec.INSTANCE.decode(r.headers(), r.value());
            } catch (RuntimeException e) {
                continue;
            }
            apply(event);
        }
    }

    /** Periodic: judges runs whose missing baselines have timed out, and retries judgements that failed. */
    public synchronized void tick() {
        for (TrackedRun run : List.copyOf(runs.values())) {
            maybeJudge(run);
        }
    }

    /** Runs seen and not judged yet. */
    public synchronized int runsWaiting() {
        return (int) runs.values().stream().filter(r -> !r.judged).count();
    }

    /** Applies one event. */
    public synchronized void apply(PipelineEvent event) {
        if (event instanceof RunPlanned plan) {
            onPlan(plan);
        } else if (event instanceof ModelTrained trained) {
            onTrained(trained);
        } else if (event instanceof TrainingProgress progress) {
            TrackedRun run = run(progress.runId());
            if (!run.judged) {
                run.keep(progress);
            }
        } else if (event instanceof ValidationReported report) {
            TrackedRun run = run(report.runId());
            if (!run.judged) {
                run.keep(report);
            }
        } else if (event instanceof TrainingEnded ended && ended.outcome() == TrainingEnded.Outcome.FAILED) {
            onTrainingFailed(ended);
        }
    }

    private TrackedRun run(String runId) {
        return runs.computeIfAbsent(runId, id -> {
            TrackedRun run = new TrackedRun(id, reader, maxTestExamplesPerTask);
            run.judged = judge.judgedBefore(id);
            return run;
        });
    }

    private void onPlan(RunPlanned plan) {
        TrackedRun run = run(plan.runId());
        if (run.plan != null || run.judged) {
            return;
        }
        run.plan = plan;
        for (ModelTrained trained : List.copyOf(run.trained.values())) {
            process(run, trained);
        }
        maybeJudge(run);
    }

    private void onTrained(ModelTrained trained) {
        TrackedRun run = run(trained.runId());
        if (run.judged || run.trained.containsKey(trained.jobId())) {
            return;
        }
        run.trained.put(trained.jobId(), trained);
        if (run.plan != null) {
            process(run, trained);
            maybeJudge(run);
        }
    }

    private void onTrainingFailed(TrainingEnded ended) {
        TrackedRun run = run(ended.runId());
        if (run.judged || run.settled(ended.jobId())) {
            return;
        }
        run.failed.put(ended.jobId(), "its training failed: " + ended.message());
        maybeJudge(run);
    }

    private void process(TrackedRun run, ModelTrained trained) {
        if (run.settled(trained.jobId())) {
            return;
        }
        JobPlan job = run.job(trained.jobId()).orElse(null);
        try {
            if (job == null) {
                throw new IntakeFailure(EvaluationFailed.Problem.UNKNOWN_RUN, "jobId", "job " + trained.jobId()
                        + " is not in the plan of run " + run.runId());
            }
            run.results.put(trained.jobId(), judge.process(run, trained, job));
            if (job.kind() == RunPlanned.JobKind.MULTI_TASK) {
                run.multiTaskDoneAt = nanoClock.getAsLong();
            }
        } catch (IntakeFailure e) {
            failed(run, trained.jobId(), e);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "processing job " + trained.jobId() + " failed", e);
            failed(run, trained.jobId(), new IntakeFailure(EvaluationFailed.Problem.SCORING_ERROR, null,
                    "processing job " + trained.jobId() + " failed: " + e, e));
        }
    }

    private void failed(TrackedRun run, String jobId, IntakeFailure e) {
        run.failed.put(jobId, "its model could not be processed: " + e.getMessage());
        judge.failed(run, jobId, e);
    }

    @SuppressWarnings("unchecked")
    private void maybeJudge(TrackedRun run) {
        if (run.judged || run.plan == null) {
            return;
        }
        JobPlan mtl = run.multiTaskJob().orElse(null);
        if (mtl == null || !run.settled(mtl.jobId())) {
            return;
        }
        if (!run.results.containsKey(mtl.jobId())) {
            judge.notJudged(run, "multi-task job " + mtl.jobId() + ": " + run.failed.get(mtl.jobId()));
            finish(run);
            return;
        }
        boolean waiting = run.baselineJobs().stream().anyMatch(j -> !run.settled(j.jobId()));
        if (waiting && nanoClock.getAsLong() - run.multiTaskDoneAt < baselineTimeout.toNanos()) {
            return;
        }
        Map<String, M> baselines = new HashMap<>();
        for (JobPlan job : run.baselineJobs()) {
            Object result = run.results.get(job.jobId());
            if (result != null) {
                job.tasks().forEach(t -> baselines.put(t.taskId(), (M) result));
            }
        }
        if (judge.judge(run, (M) run.results.get(mtl.jobId()), baselines, missingBaselines(run))) {
            finish(run);
        }
    }

    private static void finish(TrackedRun run) {
        run.judged = true;
        run.release();
    }

    /** Task id to why its baseline is missing; pending baselines are named as timed out. */
    private Map<String, String> missingBaselines(TrackedRun run) {
        Map<String, String> missing = new LinkedHashMap<>();
        for (JobPlan job : run.baselineJobs()) {
            if (run.results.containsKey(job.jobId())) {
                continue;
            }
            String why = run.failed.containsKey(job.jobId())
                    ? "baseline job " + job.jobId() + ": " + run.failed.get(job.jobId())
                    : "baseline job " + job.jobId() + " did not deliver a model within " + baselineTimeout
                    + " of the multi-task model";
            job.tasks().forEach(t -> missing.put(t.taskId(), why));
        }
        if (Boolean.FALSE.equals(run.plan.request().baselines())) {
            run.multiTaskJob().orElseThrow().tasks()
                    .forEach(t -> missing.put(t.taskId(), "the run request turned baselines off"));
        }
        return missing;
    }
}
