package io.multitune.trainer;

import io.multitune.events.BatchesAcknowledged;
import io.multitune.events.Channels;
import io.multitune.events.JobQueued;
import io.multitune.events.TrainingBatch;
import io.multitune.events.TrainingEnded.Outcome;
import io.multitune.events.TrainingProgress;
import io.multitune.events.ValidationReported;
import io.multitune.training.JobTrainer;
import io.multitune.training.MalformedBatchException;
import io.multitune.training.TrainingTelemetry;
import io.multitune.training.eval.TaskValidation;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A job's position in its batch stream and what each batch does: a TRAIN batch is one step; the VALIDATION batches
 * of a round are gathered until the round is complete (the next batch is not of it, or the job's last batch came),
 * then scored together. Every consumed batch is acknowledged so the sampler can publish ahead; checkpoints record
 * the offset of the last applied batch, so a resumed job reads on from there.
 */
final class JobProgress {
    private final JobQueued ticket;
    private final JobTrainer trainer;
    private final TrainerContext context;
    private final JobFiles files;
    private final List<TrainingBatch> round = new ArrayList<>();
    private long roundOffset;
    private long lastConsumed;
    private long appliedOffset;
    private long lastCheckpointStep;
    private Map<String, ValidationReported.TaskResult> lastResults = Map.of();
    private Outcome outcome;

    JobProgress(JobQueued ticket, JobTrainer trainer, TrainerContext context, JobFiles files, long startOffset) {
        this.ticket = ticket;
        this.trainer = trainer;
        this.context = context;
        this.files = files;
        this.lastConsumed = trainer.lastAppliedSequence();
        this.appliedOffset = startOffset - 1;
        this.lastCheckpointStep = trainer.step();
    }

    /** Applies one decoded batch; the reason the job must fail, if it must. */
    Optional<String> consume(JobRun.Decoded decoded) throws IOException {
        if (decoded.problem() != null) {
            return Optional.of(decoded.problem());
        }
        TrainingBatch batch = decoded.batch();
        if (batch.sequence() <= lastConsumed) {
            return Optional.empty();
        }
        if (batch.sequence() != lastConsumed + 1) {
            return Optional.of("batch stream has a gap: batch " + batch.sequence() + " follows " + lastConsumed);
        }
        lastConsumed = batch.sequence();
        try {
            apply(batch, decoded.offset());
        } catch (MalformedBatchException e) {
            return Optional.of("batch " + batch.sequence() + " is malformed: " + e.getMessage());
        }
        acknowledge(batch.sequence());
        return Optional.empty();
    }

    private void apply(TrainingBatch batch, long offset) throws IOException {
        if (!round.isEmpty() && (batch.kind() == TrainingBatch.Kind.TRAIN
                || batch.validationRound() != round.get(0).validationRound())) {
            validate();
        }
        if (batch.kind() == TrainingBatch.Kind.VALIDATION) {
            round.add(batch);
            roundOffset = offset;
            if (batch.last()) {
                validate();
            }
        } else {
            long started = System.nanoTime();
            Optional<TrainingTelemetry> telemetry = trainer.train(batch);
            context.metrics().stepped(ticket.job().kind(), batch.examples().size(), System.nanoTime() - started);
            appliedOffset = offset;
            telemetry.ifPresent(this::progress);
            if (trainer.step() - lastCheckpointStep >= context.config().checkpointEvery()) {
                checkpoint();
            }
        }
        if (outcome == null && batch.last()) {
            outcome = Outcome.COMPLETED;
        }
    }

    private void validate() throws IOException {
        List<TaskValidation> results = trainer.validate(List.copyOf(round));
        int validationRound = round.get(0).validationRound();
        round.clear();
        appliedOffset = roundOffset;
        Map<String, ValidationReported.TaskResult> byTask = new LinkedHashMap<>();
        List<String> ids = trainer.taskIds();
        for (TaskValidation r : results) {
            int task = ids.indexOf(r.taskId());
            byTask.put(r.taskId(), new ValidationReported.TaskResult(r.loss(), r.metric(), r.score(), r.examples(),
                    trainer.stopped(task)));
        }
        lastResults = byTask;
        context.metrics().validated(ticket.job().jobId(), byTask);
        context.events().send(Channels.TRAINING_OUT, new ValidationReported(ValidationReported.SCHEMA_VERSION,
                ticket.runId(), ticket.jobId(), validationRound, trainer.step(), byTask, Instant.now()));
        checkpoint();
        if (trainer.finished()) {
            outcome = Outcome.EARLY_STOPPED;
        }
    }

    private void acknowledge(long sequence) {
        context.events().send(Channels.TRAINING_OUT, new BatchesAcknowledged(BatchesAcknowledged.SCHEMA_VERSION,
                ticket.runId(), ticket.jobId(), sequence, Instant.now()));
    }

    private void progress(TrainingTelemetry t) {
        List<List<Double>> cosines = t.conflictCosines() == null ? null : Arrays.stream(t.conflictCosines())
                .map(row -> Arrays.stream(row).boxed().toList()).toList();
        context.metrics().progressed(t);
        context.events().send(Channels.TRAINING_OUT, new TrainingProgress(TrainingProgress.SCHEMA_VERSION,
                ticket.runId(), ticket.jobId(), t.step(), ticket.job().steps(), t.taskLoss(), t.taskWeight(),
                t.learningRate(), t.stepSeconds(), t.samplesPerSecond(), t.gradientNorm(), t.taskIds(), cosines,
                Instant.now()));
    }

    /** Writes the job's state as of its last applied batch. */
    void checkpoint() throws IOException {
        long started = System.nanoTime();
        files.writeCheckpoint(trainer.state(), appliedOffset);
        lastCheckpointStep = trainer.step();
        context.metrics().checkpointed(System.nanoTime() - started);
    }

    /** COMPLETED after the job's last batch, EARLY_STOPPED once every task has stopped improving. */
    Optional<Outcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    long lastConsumed() {
        return lastConsumed;
    }

    Map<String, ValidationReported.TaskResult> lastResults() {
        return lastResults;
    }
}
