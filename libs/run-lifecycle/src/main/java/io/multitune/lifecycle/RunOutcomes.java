package io.multitune.lifecycle;

import io.multitune.events.AuditFailed;
import io.multitune.events.EvaluationFailed;
import io.multitune.events.ModelTrained;
import io.multitune.events.RunCompleted;
import io.multitune.events.RunEvaluated;
import io.multitune.events.RunPlanned;
import io.multitune.events.TrainingEnded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The run-completed event of a judged run: the two verdicts joined, the summary, and every job's outcome. */
final class RunOutcomes {
    private RunOutcomes() {
    }

    static RunCompleted completed(RunHistory run, ModelTrained.Artifact report, Instant at) {
        RunEvaluated evaluated = run.evaluated;
        RunEvaluated.Verdict bias = run.audited.verdict();
        List<String> reasons = new ArrayList<>();
        evaluated.verdict().reasons().forEach(r -> reasons.add("evaluation: " + r));
        bias.reasons().forEach(r -> reasons.add("bias: " + r));
        Instant requestedAt = run.plan.request().requestedAt() != null ? run.plan.request().requestedAt()
                : run.plan.plannedAt();
        return new RunCompleted(RunCompleted.SCHEMA_VERSION, run.runId, evaluated.verdict().pass() && bias.pass(),
                reasons, evaluated.verdict(), bias, evaluated.multiTaskJobId(), evaluated.unifiedScore(),
                evaluated.baselineUnifiedScore(), evaluated.deltaMPercent(), evaluated.tasks(), jobs(run), report,
                evaluated.report(), run.audited.report(), requestedAt, at);
    }

    static List<RunCompleted.JobOutcome> jobs(RunHistory run) {
        return run.plan.jobs().stream().map(job -> job(run, job)).toList();
    }

    private static RunCompleted.JobOutcome job(RunHistory run, RunPlanned.JobPlan job) {
        String id = job.jobId();
        TrainingEnded ended = run.ended.get(id);
        ModelTrained trained = run.trained.get(id);
        List<String> problems = new ArrayList<>();
        if (trained == null) {
            problems.add(ended != null && ended.outcome() == TrainingEnded.Outcome.FAILED
                    ? "training failed: " + ended.message() : "no model-trained event");
        }
        EvaluationFailed evaluation = run.evaluationFailures.get(id);
        if (evaluation != null) {
            problems.add("evaluation failed: " + evaluation.reason());
        }
        AuditFailed audit = run.auditFailures.get(id);
        if (audit != null) {
            problems.add("audit failed: " + audit.reason());
        }
        Long steps = trained != null ? Long.valueOf(trained.steps()) : ended != null ? Long.valueOf(ended.step())
                : null;
        TrainingEnded.Outcome outcome = trained != null ? trained.outcome() : ended != null ? ended.outcome() : null;
        return new RunCompleted.JobOutcome(id, job.kind(), job.tasks().stream().map(RunPlanned.TaskPlan::taskId)
                .toList(), job.steps(), steps, outcome, run.evaluations.containsKey(id), run.audits.containsKey(id),
                problems);
    }
}
