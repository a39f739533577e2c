package io.multitune.lifecycle;

import io.multitune.events.AuditFailed;
import io.multitune.events.EvaluationFailed;
import io.multitune.events.ModelTrained;
import io.multitune.events.RunFailed;
import io.multitune.events.RunFailed.Stage;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunRejected;
import io.multitune.events.TrainingEnded;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Whether a run has ended, and how, at one moment. Failures that are known win over waiting: a failed multi-task
 * job fails the run at once, without waiting for the evaluator and the auditor to say they cannot judge it. A
 * failed baseline does not fail the run: the gates judge the run without it and say so.
 */
final class EndRules {
    private final LifecycleSettings settings;
    private final long now;
    private final long lastTrainingEventAt;

    EndRules(LifecycleSettings settings, long now, long lastTrainingEventAt) {
        this.settings = settings;
        this.now = now;
        this.lastTrainingEventAt = lastTrainingEventAt;
    }

    /** The run's end, or null while it goes on. */
    RunEnding ending(RunHistory run) {
        if (run.rejected != null) {
            return failed(run, Stage.REQUEST, null, rejection(run.rejected), null);
        }
        if (run.plan == null) {
            return run.requestSeenAt != null && passed(run.requestSeenAt, settings.planTimeout())
                    ? failed(run, Stage.PLANNING, null, "no run-planned or run-rejected event within "
                    + text(settings.planTimeout()) + " of the request: is the sampler running?", null) : null;
        }
        RunEnding known = knownFailure(run);
        if (known != null) {
            return known;
        }
        if (run.evaluated != null && run.audited != null) {
            return new RunEnding.Completion(run);
        }
        return timedOut(run);
    }

    private RunEnding knownFailure(RunHistory run) {
        RunPlanned.JobPlan mtl = run.multiTaskJob().orElse(null);
        if (mtl == null) {
            return failed(run, Stage.PLANNING, null, "the run's plan has no multi-task job", null);
        }
        TrainingEnded ended = run.ended.get(mtl.jobId());
        boolean modelOut = run.trained.containsKey(mtl.jobId());
        if (!modelOut && ended != null && ended.outcome() == TrainingEnded.Outcome.FAILED) {
            return failed(run, Stage.TRAINING, mtl.jobId(), "the multi-task job " + mtl.jobId()
                    + " failed: " + ended.message(), null);
        }
        EvaluationFailed evaluation = run.evaluationFailures.get(mtl.jobId());
        if (evaluation != null && run.evaluated == null) {
            return failed(run, Stage.EVALUATION, mtl.jobId(), evaluation.reason(), null);
        }
        AuditFailed audit = run.auditFailures.get(mtl.jobId());
        if (audit != null && run.audited == null) {
            return failed(run, Stage.AUDIT, mtl.jobId(), audit.reason(), evaluationReport(run));
        }
        return null;
    }

    private RunEnding timedOut(RunHistory run) {
        List<String> open = run.unsettledJobs();
        if (!open.isEmpty()) {
            long silentSince = Math.max(lastTrainingEventAt, run.planSeenAt);
            return passed(silentSince, settings.trainingStallTimeout())
                    ? failed(run, Stage.TRAINING, open.get(0), "no training event for "
                    + text(settings.trainingStallTimeout()) + " while job(s) " + String.join(", ", open)
                    + " had not ended: is the trainer running?", null) : null;
        }
        if (!passed(run.lastJobSettledAt, settings.judgementTimeout())) {
            return null;
        }
        String since = " within " + text(settings.judgementTimeout()) + " of the run's last job ending";
        return run.evaluated == null
                ? failed(run, Stage.EVALUATION, null, "no run-evaluated event" + since
                + ": is the evaluator running?", null)
                : failed(run, Stage.AUDIT, null, "no run-audited event" + since + ": is the bias auditor running?",
                evaluationReport(run));
    }

    private boolean passed(long since, Duration timeout) {
        return now - since >= timeout.toNanos();
    }

    private static ModelTrained.Artifact evaluationReport(RunHistory run) {
        return run.evaluated == null ? null : run.evaluated.report();
    }

    private static String rejection(RunRejected rejected) {
        return "the sampler rejected the request: " + rejected.problems().stream()
                .map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; "));
    }

    private static RunEnding failed(RunHistory run, Stage stage, String jobId, String reason,
                                    ModelTrained.Artifact report) {
        return new RunEnding.Failure(new RunFailed(RunFailed.SCHEMA_VERSION, run.runId, stage, jobId, reason, report,
                Instant.now()));
    }

    private static String text(Duration d) {
        return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }
}
