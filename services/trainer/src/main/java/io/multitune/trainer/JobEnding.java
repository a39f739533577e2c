package io.multitune.trainer;

import io.multitune.events.Channels;
import io.multitune.events.JobQueued;
import io.multitune.events.ModelTrained;
import io.multitune.events.TrainingEnded;
import io.multitune.events.TrainingEnded.Outcome;
import io.multitune.events.ValidationReported;
import io.multitune.training.JobTrainer;
import io.multitune.trainer.BaseModels.BaseModel;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Ends a job: writes its model (when it trained to the end), records the end under the artifact root, then sends
 * the model-trained and training-ended events and waits until the broker has them. The end is recorded before the
 * events go out, so a crash in between only makes the next ticket for the job repeat them.
 */
final class JobEnding {
    private static final Logger LOG = Logger.getLogger(JobEnding.class);

    private final JobQueued ticket;
    private final TrainerContext context;
    private final JobFiles files;

    JobEnding(JobQueued ticket, TrainerContext context, JobFiles files) {
        this.ticket = ticket;
        this.context = context;
        this.files = files;
    }

    void trained(JobTrainer trainer, BaseModel base, Outcome outcome,
                 Map<String, ValidationReported.TaskResult> metrics) throws IOException {
        long started = System.nanoTime();
        List<ModelTrained.Artifact> artifacts = context.artifacts().write(ticket, trainer, base, outcome, metrics);
        ModelTrained model = new ModelTrained(ModelTrained.SCHEMA_VERSION, ticket.runId(), ticket.jobId(),
                ticket.job().kind(), trainer.taskIds(), trainer.step(), outcome, artifacts, metrics, Instant.now());
        TrainingEnded ended = new TrainingEnded(TrainingEnded.SCHEMA_VERSION, ticket.runId(), ticket.jobId(), outcome,
                trainer.step(), outcome == Outcome.EARLY_STOPPED ? "every task stopped improving"
                : "trained every planned batch", Instant.now());
        LOG.infof("job %s %s after %d steps; model written in %.1f s", ticket.jobId(), outcome, trainer.step(),
                (System.nanoTime() - started) / 1e9);
        finish(new JobFiles.JobEnd(ended, model));
    }

    void failed(long step, String reason) throws IOException {
        LOG.warnf("job %s failed at step %d: %s", ticket.jobId(), step, reason);
        finish(new JobFiles.JobEnd(new TrainingEnded(TrainingEnded.SCHEMA_VERSION, ticket.runId(), ticket.jobId(),
                Outcome.FAILED, step, reason, Instant.now()), null));
    }

    /** A job that ended before: its events again (the earlier replica may have died before sending them). */
    void repeat(JobFiles.JobEnd end) {
        send(end);
    }

    private void finish(JobFiles.JobEnd end) throws IOException {
        files.writeEnd(end);
        send(end);
        context.metrics().ended(ticket.job().kind(), end.ended().outcome());
    }

    private void send(JobFiles.JobEnd end) {
        if (end.model() != null) {
            context.events().sendAndWait(Channels.TRAINING_OUT, end.model());
        }
        context.events().sendAndWait(Channels.TRAINING_OUT, end.ended());
    }
}
