package io.multitune.cli.run;

import io.multitune.events.ModelTrained;
import io.multitune.events.PipelineEvent;
import io.multitune.events.RunPlanned.JobPlan;
import io.multitune.events.TrainingEnded;
import io.multitune.events.TrainingProgress;
import io.multitune.events.TrainingStarted;
import io.multitune.events.ValidationReported;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What the training topic has said about one job so far; rendered as one progress line. */
public final class JobStatus {
    private static final int WIDTH = 24;

    private final JobPlan job;
    private String replica;
    private long step;
    private double samplesPerSecond;
    private Map<String, Double> loss = Map.of();
    private Map<String, ValidationReported.TaskResult> validation = Map.of();
    private TrainingEnded ended;
    private ModelTrained model;

    JobStatus(JobPlan job) {
        this.job = job;
    }

    /**
     * Takes in one event of the training topic about this job.
     *
     * @return whether it was one that tells about the job (started, progress, validation, model, end)
     */
    boolean apply(PipelineEvent event) {
        if (event instanceof TrainingStarted e) {
            started(e);
        } else if (event instanceof TrainingProgress e) {
            progressed(e);
        } else if (event instanceof ValidationReported e) {
            validated(e);
        } else if (event instanceof ModelTrained e) {
            trained(e);
        } else if (event instanceof TrainingEnded e) {
            if (done()) {
                return false; // the first end counts
            }
            ended(e);
        } else {
            return false;
        }
        return true;
    }

    private void started(TrainingStarted e) {
        replica = e.replica();
        step = Math.max(step, e.resumedFromStep());
    }

    private void progressed(TrainingProgress e) {
        step = Math.max(step, e.step());
        samplesPerSecond = e.samplesPerSecond();
        loss = new LinkedHashMap<>(e.taskLoss());
    }

    private void validated(ValidationReported e) {
        step = Math.max(step, e.step());
        validation = new LinkedHashMap<>(e.tasks());
    }

    private void ended(TrainingEnded e) {
        ended = e;
        step = Math.max(step, e.step());
    }

    private void trained(ModelTrained e) {
        model = e;
    }

    public JobPlan job() {
        return job;
    }

    public boolean done() {
        return ended != null;
    }

    public TrainingEnded ended() {
        return ended;
    }

    public ModelTrained model() {
        return model;
    }

    public Map<String, ValidationReported.TaskResult> validation() {
        return validation;
    }

    /** One line: job, bar, steps, then the outcome, or the latest losses and pace while it trains. */
    public String line(int jobWidth) {
        long total = Math.max(1, job.steps());
        int filled = (int) Math.min(WIDTH, Math.round(WIDTH * (double) Math.min(step, total) / total));
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-" + jobWidth + "s [%s%s] %4d/%d", job.jobId(),
                "#".repeat(filled), "-".repeat(WIDTH - filled), step, total));
        if (ended != null) {
            b.append("  ").append(ended.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            if (ended.outcome() == TrainingEnded.Outcome.FAILED) {
                b.append(": ").append(ended.message());
            } else {
                validation.forEach((task, r) -> b.append(String.format(Locale.ROOT, "  %s %s %.3f", task, r.metric(),
                        r.score() == null ? Double.NaN : r.score())));
            }
        } else if (replica == null) {
            b.append("  waiting for a trainer");
        } else {
            loss.forEach((task, l) -> b.append(String.format(Locale.ROOT, "  %s loss %.3f", task, l)));
            if (samplesPerSecond > 0) {
                b.append(String.format(Locale.ROOT, "  %.1f samples/s", samplesPerSecond));
            }
        }
        return b.toString();
    }
}
