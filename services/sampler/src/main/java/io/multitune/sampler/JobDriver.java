package io.multitune.sampler;

import io.multitune.events.RunPlanned;
import io.multitune.events.RunRequest;
import io.multitune.events.TrainingBatch;
import io.multitune.events.ValidationReported;
import io.multitune.sampling.mix.DynamicMixing;
import io.multitune.sampling.pool.TaskPool;
import io.multitune.sampling.request.Strategies;
import io.multitune.sampling.stream.BatchSequencer;
import io.multitune.sampling.stream.PlannedBatch;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Drives one job's batch stream: hands out the next batch only while the sampler is less than the window ahead of
 * the trainer's acknowledged position, and, under dynamic mixing, applies each validation round's reweighting at a
 * fixed step so that the stream stays a pure function of (pools, request, seed, validation reports).
 *
 * <p>The dynamic rule's timing: the report of round r (after training step s_r) reweights the training batches from
 * step s_r + window + 1 on. The driver never generates a training batch past step s_r + window before that report
 * has arrived, so the reweighting always lands on the same step, live or replayed after a restart.
 */
final class JobDriver {
    private final String runId;
    private final RunPlanned.JobPlan job;
    private final RunRequest request;
    private final List<TaskPool> pools;
    private final JobFeedback feedback;
    private final int window;
    private final boolean dynamic;
    private final Map<Integer, Long> roundSteps = new HashMap<>();
    private BatchSequencer sequencer;
    private long nextSequence;
    private long lastTrainStep;
    private int appliedRounds;
    private double[] firstLosses;
    private double[] proportions;
    private boolean finished;

    JobDriver(String runId, RunPlanned.JobPlan job, RunRequest request, List<TaskPool> pools, JobFeedback feedback) {
        this.runId = runId;
        this.job = job;
        this.request = request;
        this.pools = pools;
        this.feedback = feedback;
        this.window = request.sampling().window();
        this.dynamic = Strategies.SAMPLING_DYNAMIC.equals(request.sampling().strategy())
                && job.kind() == RunPlanned.JobKind.MULTI_TASK && job.tasks().size() > 1;
        this.proportions = job.tasks().stream().mapToDouble(RunPlanned.TaskPlan::proportion).toArray();
        this.sequencer = new BatchSequencer(job, request, pools);
    }

    String runId() {
        return runId;
    }

    RunPlanned.JobPlan job() {
        return job;
    }

    /** The sequence number of the next batch this driver hands out. */
    long nextSequence() {
        return nextSequence;
    }

    /** True once the last batch was handed out or the trainer ended the job. */
    boolean finished() {
        return finished || feedback.isEnded();
    }

    /** The current mixing proportions, in the job's task order. */
    double[] proportions() {
        return proportions.clone();
    }

    /** The next batch if the window and the dynamic-mixing gate allow it. */
    Optional<PlannedBatch> next() {
        if (finished() || nextSequence > feedback.acknowledged() + window || !dynamicGateOpen()) {
            return Optional.empty();
        }
        return Optional.of(generate());
    }

    /**
     * Regenerates, without handing out, every batch up to and including {@code sequence}: a restarted sampler
     * continues after what is already on the batches topic. Window limits do not apply to what was published.
     */
    void skipThrough(long sequence) {
        while (!finished && nextSequence <= sequence) {
            if (!dynamicGateOpen()) {
                throw new IllegalStateException("job " + job.jobId() + ": batch " + nextSequence + " was published "
                        + "but the validation report it depends on is missing from the training topic");
            }
            generate();
        }
    }

    private PlannedBatch generate() {
        PlannedBatch batch = sequencer.next();
        nextSequence = batch.sequence() + 1;
        if (batch.kind() == TrainingBatch.Kind.TRAIN) {
            lastTrainStep = batch.step();
        } else {
            roundSteps.putIfAbsent(batch.validationRound(), batch.step());
        }
        if (batch.last() || !sequencer.hasNext()) {
            finished = true;
        }
        return batch;
    }

    private boolean dynamicGateOpen() {
        if (!dynamic) {
            return true;
        }
        int round = appliedRounds + 1;
        Long roundStep = roundSteps.get(round);
        while (roundStep != null && lastTrainStep >= roundStep + window) {
            ValidationReported report = feedback.report(round);
            if (report == null) {
                return false;
            }
            long fromStep = roundStep + window + 1;
            if (fromStep <= job.steps()) {
                reweight(report, fromStep);
            }
            appliedRounds = round;
            round++;
            roundStep = roundSteps.get(round);
        }
        return true;
    }

    private void reweight(ValidationReported report, long fromStep) {
        double[] losses = new double[job.tasks().size()];
        for (int i = 0; i < losses.length; i++) {
            ValidationReported.TaskResult result = report.tasks().get(job.tasks().get(i).taskId());
            losses[i] = result == null ? Double.NaN : result.loss();
        }
        if (firstLosses == null) {
            firstLosses = losses;
        }
        double[] base = job.tasks().stream().mapToDouble(RunPlanned.TaskPlan::proportion).toArray();
        RunRequest.Dynamic settings = request.sampling().dynamic();
        proportions = DynamicMixing.update(base, firstLosses, losses, settings.eta(), settings.maxFactor());
        sequencer.reweight(fromStep, proportions);
    }
}
