package io.multitune.trainer;

import ai.djl.ndarray.NDManager;
import io.multitune.events.Channels;
import io.multitune.events.EventCodec;
import io.multitune.events.JobQueued;
import io.multitune.events.PipelineEvent;
import io.multitune.events.RunPlanned.JobPlan;
import io.multitune.events.TaskType;
import io.multitune.events.TrainingBatch;
import io.multitune.events.TrainingStarted;
import io.multitune.training.JobTrainer;
import io.multitune.training.TrainerSettings;
import io.multitune.training.TrainingState;
import io.multitune.training.batch.BatchAssembler;
import io.multitune.training.batch.QuestionContextTokenizer;
import io.multitune.trainer.BaseModels.BaseModel;
import io.multitune.trainer.BatchStream.BatchRecord;
import io.multitune.trainer.BatchStream.EndedElsewhere;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Trains one job from its ticket: loads (or resumes) the job's model, reads its batches in order, trains, validates
 * and checkpoints, and ends it with its events. A failure of the job itself (a malformed batch, a base model that
 * cannot load, a stream that stops) ends the job as FAILED with the reason; the replica then takes the next job.
 */
final class JobRun {
    private static final Logger LOG = Logger.getLogger(JobRun.class);
    private static final Duration POLL = Duration.ofMillis(200);

    /** What became of the ticket: ended (commit it) or handed back unfinished (another replica or a restart goes on). */
    enum Result { ENDED, HANDED_BACK }

    private final JobQueued ticket;
    private final JobPlan job;
    private final TrainerContext context;
    private final JobFiles files;
    private final JobEnding ending;
    private JobTrainer trainer;

    JobRun(JobQueued ticket, TrainerContext context) {
        this.ticket = ticket;
        this.job = ticket.job();
        this.context = context;
        this.files = JobFiles.of(context.config().artifactRoot(), job.jobId());
        this.ending = new JobEnding(ticket, context, files);
    }

    /** Runs the job while {@code control} lets it; when it does not, the job is handed back unfinished. */
    Result run(JobControl control) throws IOException {
        Optional<JobFiles.JobEnd> ended = files.end();
        if (ended.isPresent()) {
            LOG.infof("job %s ended before (%s): repeating its events", job.jobId(), ended.get().ended().outcome());
            ending.repeat(ended.get());
            return Result.ENDED;
        }
        BaseModel base;
        try {
            base = context.baseModels().get(ticket.plan().request().baseModel());
        } catch (BaseModels.BaseModelException e) {
            ending.failed(0, e.getMessage());
            return Result.ENDED;
        }
        try (NDManager manager = NDManager.newBaseManager();
             QuestionContextTokenizer qa = questionTokenizer(base)) {
            BatchAssembler assembler = new BatchAssembler(job.tasks(), base.tokenization(), qa);
            try (JobTrainer started = JobTrainer.start(manager, base.checkpoint().weights(), job.jobId(),
                    job.tasks(), assembler, settings())) {
                trainer = started;
                return train(started, base, control);
            }
        } catch (IllegalArgumentException e) {
            // The job cannot be built (a task type without a head, a checkpoint of another setup) or a batch cannot
            // be used; the step is the last one applied.
            ending.failed(trainer == null ? 0 : trainer.step(), e.getMessage());
            return Result.ENDED;
        }
    }

    private Result train(JobTrainer trainer, BaseModel base, JobControl control) throws IOException {
        long offset = 0;
        Optional<TrainingState> checkpoint = files.checkpoint();
        if (checkpoint.isPresent()) {
            trainer.restore(checkpoint.get());
            offset = files.resumeOffset(checkpoint.get());
            LOG.infof("job %s resumes at step %d (batch %d, offset %d)", job.jobId(), trainer.step(),
                    trainer.lastAppliedSequence(), offset);
        }
        context.events().send(Channels.TRAINING_OUT, new TrainingStarted(TrainingStarted.SCHEMA_VERSION,
                ticket.runId(), job.jobId(), context.replica(), trainer.step(), job.steps(), Instant.now()));
        JobProgress progress = new JobProgress(ticket, trainer, context, files, offset);
        try (BatchStream stream = BatchStream.open(context.kafkaConfig(), job.jobId(), offset,
                ticket.plan().plannedAt(), context.events().source())) {
            long waitingSince = System.nanoTime();
            while (true) {
                if (!control.keepGoing(progress::checkpoint)) {
                    LOG.infof("job %s handed back at step %d", job.jobId(), trainer.step());
                    return Result.HANDED_BACK;
                }
                Optional<BatchStream.Item> item = stream.next(POLL);
                if (item.isEmpty()) {
                    if (System.nanoTime() - waitingSince > context.config().batchTimeout().toNanos()) {
                        progress.checkpoint();
                        ending.failed(trainer.step(), "no batch for " + context.config().batchTimeout()
                                + " after batch " + progress.lastConsumed());
                        return Result.ENDED;
                    }
                    continue;
                }
                waitingSince = System.nanoTime();
                if (item.get() instanceof EndedElsewhere elsewhere) {
                    ending.failed(trainer.step(), "ended by " + elsewhere.source() + ": "
                            + elsewhere.ended().message());
                    return Result.ENDED;
                }
                Optional<String> failure = progress.consume(decode((BatchRecord) item.get()));
                if (failure.isPresent()) {
                    ending.failed(trainer.step(), failure.get());
                    return Result.ENDED;
                }
                if (progress.outcome().isPresent()) {
                    progress.checkpoint();
                    ending.trained(trainer, base, progress.outcome().get(), progress.lastResults());
                    return Result.ENDED;
                }
            }
        }
    }

    /** A batch record as a batch of this job, or the reason it is not one. */
    private Decoded decode(BatchRecord record) {
        try {
            PipelineEvent event = EventCodec.INSTANCE.decode(record.record().headers(), record.record().value());
            if (event instanceof TrainingBatch batch && batch.jobId().equals(job.jobId())) {
                return new Decoded(batch, record.offset(), null);
            }
            return new Decoded(null, record.offset(), "record at offset " + record.offset() + " is a "
                    + event.getClass().getSimpleName() + ", not a training batch of job " + job.jobId());
        } catch (RuntimeException e) {
            return new Decoded(null, record.offset(), "batch at offset " + record.offset() + " is malformed: "
                    + e.getMessage());
        }
    }

    /** A decoded batch and its offset, or the reason decoding failed. */
    record Decoded(TrainingBatch batch, long offset, String problem) {
    }

    private TrainerSettings settings() {
        TrainerSettings s = TrainerSettings.from(ticket.plan().request(), job);
        return new TrainerSettings(s.seed(), s.encoder(), s.learningRate(), s.totalSteps(), s.warmupFraction(),
                s.adamW(), s.headL2(), s.patience(), s.strategy(), s.strategyParams(), s.staticWeights(),
                context.config().progressEvery(), context.config().conflictsEvery(), s.windowSteps());
    }

    private QuestionContextTokenizer questionTokenizer(BaseModel base) throws IOException {
        boolean qa = job.tasks().stream().anyMatch(t -> t.taskType() == TaskType.EXTRACTIVE_QA);
        return qa ? QuestionContextTokenizer.load(base.tokenizerJson(), context.config().maxSequenceLength()) : null;
    }
}
