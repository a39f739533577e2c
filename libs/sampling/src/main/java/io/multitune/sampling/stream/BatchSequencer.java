package io.multitune.sampling.stream;

import io.multitune.events.RunPlanned.JobKind;
import io.multitune.events.RunPlanned.JobPlan;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.RunRequest;
import io.multitune.events.TrainingBatch;
import io.multitune.sampling.plan.ValidationSchedule;
import io.multitune.sampling.pool.TaskPool;
import io.multitune.sampling.request.Strategies;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * The batch stream of one job, in order: training batches for steps 1..S ({@link TrainingMix}), each validation
 * round ({@link ValidationRound}) right after the step it follows (every V steps below S, and after step S). The
 * stream is a pure function of the plan, the effective request, the pools and the {@link #reweight} calls made,
 * so a restarted sampler rebuilds any position by calling {@link #next()} again (or {@link #advanceTo}); that only
 * picks {@link io.multitune.sampling.pool.PoolExample}s and is cheap.
 */
public final class BatchSequencer {

    private final long steps;
    private final boolean validates;
    private final ValidationSchedule schedule;
    private final TrainingMix mix;
    private final int taskCount;
    private final ValidationRound validationRound;
    /** Validation batches of the round just due; they get their sequence numbers as they are handed out. */
    private final Deque<PendingValidation> pendingValidation = new ArrayDeque<>();
    /** Reweights not yet in force, by the step they start at. */
    private final TreeMap<Long, double[]> pendingReweights = new TreeMap<>();
    private long nextStep = 1;
    private long nextSequence;

    /**
     * @param job       the job's plan
     * @param effective the run's effective request
     * @param pools     the run's pools (all tasks, in request order, or just the job's); matched by task id
     */
    public BatchSequencer(JobPlan job, RunRequest effective, List<TaskPool> pools) {
        List<TaskPool> jobPools = new ArrayList<>();
        for (TaskPlan task : job.tasks()) {
            jobPools.add(pools.stream().filter(p -> p.taskId().equals(task.taskId())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no pool for task '" + task.taskId() + "'")));
        }
        this.steps = job.steps();
        this.taskCount = job.tasks().size();
        this.validates = job.validationRounds() > 0;
        this.schedule = new ValidationSchedule(steps, effective.validation().everySteps());
        if (validates && schedule.rounds() != job.validationRounds()) {
            throw new IllegalArgumentException("job " + job.jobId() + " plans " + job.validationRounds()
                    + " validation rounds but the request's cadence gives " + schedule.rounds());
        }
        // Homogeneous batches only mean something with several tasks; a baseline deals its one task's examples.
        boolean homogeneous = Strategies.BATCH_MODE_HOMOGENEOUS.equals(effective.sampling().batchMode())
                && job.kind() == JobKind.MULTI_TASK;
        this.mix = new TrainingMix(job.tasks(), jobPools, effective, job.batchSize(), homogeneous);
        this.validationRound = new ValidationRound(job.tasks(), jobPools, effective.seed(), job.batchSize());
        if (steps == 0) {
            enqueueValidation(0);
        }
    }

    /** Batches of a job's whole stream: S training batches plus every round's validation batches. */
    public static long totalBatches(JobPlan job) {
        return job.steps() + job.validationRounds() * ValidationRound.batchCount(job.tasks(), job.batchSize());
    }

    /** Whether the job's stream has another batch. */
    public boolean hasNext() {
        return !pendingValidation.isEmpty() || nextStep <= steps;
    }

    /**
     * The next batch of the stream.
     *
     * @throws NoSuchElementException after the last batch
     */
    public PlannedBatch next() {
        if (!pendingValidation.isEmpty()) {
            PendingValidation v = pendingValidation.removeFirst();
            return new PlannedBatch(nextSequence++, TrainingBatch.Kind.VALIDATION, v.step(), v.round(), !hasNext(),
                    v.examples());
        }
        if (nextStep > steps) {
            throw new NoSuchElementException("the job's stream has ended at sequence " + nextSequence);
        }
        long step = nextStep++;
        double[] proportions = pendingReweights.remove(step);
        if (proportions != null) {
            mix.reweight(proportions);
        }
        List<TaskedExample> examples = mix.nextBatch();
        enqueueValidation(step);
        return new PlannedBatch(nextSequence++, TrainingBatch.Kind.TRAIN, step, 0, !hasNext(), examples);
    }

    /** Calls {@link #next()} until the next batch has the given sequence number (a restart's catch-up). */
    public void advanceTo(long sequence) {
        while (nextSequence() < sequence) {
            next();
        }
    }

    /**
     * Mixes the training batches from step {@code fromStep} on by new proportions: the examples (or, homogeneous,
     * batches) still to come from then on are re-dealt by largest remainder. A later call replaces an earlier one
     * from its own {@code fromStep} on. A step past the last one changes nothing.
     *
     * @param proportions one non-negative share per task of the job, in job order
     * @throws IllegalStateException when batches of step {@code fromStep} or later were already generated
     */
    public void reweight(long fromStep, double[] proportions) {
        if (fromStep < nextStep) {
            throw new IllegalStateException("cannot reweight from step " + fromStep + ": steps up to "
                    + (nextStep - 1) + " are already generated");
        }
        if (proportions.length != taskCount) {
            throw new IllegalArgumentException("expected " + taskCount + " proportions, got "
                    + Arrays.toString(proportions));
        }
        if (fromStep > steps) {
            return;
        }
        pendingReweights.tailMap(fromStep, true).clear();
        pendingReweights.put(fromStep, proportions.clone());
    }

    /** Sequence number of the next batch (= batches generated so far). */
    public long nextSequence() {
        return nextSequence;
    }

    /** The last training step generated so far (0 before the first). */
    public long lastStep() {
        return nextStep - 1;
    }

    private void enqueueValidation(long step) {
        int round = validates ? schedule.roundAfter(step) : 0;
        if (round == 0) {
            return;
        }
        List<List<TaskedExample>> batches = validationRound.batches();
        for (List<TaskedExample> examples : batches) {
            pendingValidation.addLast(new PendingValidation(step, round, examples));
        }
    }

    private record PendingValidation(long step, int round, List<TaskedExample> examples) {
    }
}
