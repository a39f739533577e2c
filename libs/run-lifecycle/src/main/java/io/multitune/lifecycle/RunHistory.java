package io.multitune.lifecycle;

import io.multitune.events.AuditFailed;
import io.multitune.events.EvaluationFailed;
import io.multitune.events.ModelAudited;
import io.multitune.events.ModelEvaluated;
import io.multitune.events.ModelTrained;
import io.multitune.events.RunAudited;
import io.multitune.events.RunEvaluated;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunRejected;
import io.multitune.events.TrainingEnded;
import io.multitune.events.TrainingProgress;
import io.multitune.events.ValidationReported;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The events of one run the lifecycle has seen, kept until the run ends: what decides its end, and what its final
 * report is drawn from. Times are the lifecycle's clock when an event arrived (nanoseconds), not the event's own
 * time: a restarted host waits again from its start instead of failing a run whose events it is still reading.
 */
final class RunHistory {
    final String runId;
    Long requestSeenAt;
    RunPlanned plan;
    Long planSeenAt;
    RunRejected rejected;
    final Map<String, TrainingEnded> ended = new HashMap<>();
    final Map<String, ModelTrained> trained = new HashMap<>();
    Long lastJobSettledAt;
    final Map<String, List<TrainingProgress>> progress = new HashMap<>();
    final Map<String, List<ValidationReported>> validation = new HashMap<>();
    final Map<String, ModelEvaluated> evaluations = new LinkedHashMap<>();
    final Map<String, EvaluationFailed> evaluationFailures = new LinkedHashMap<>();
    RunEvaluated evaluated;
    final Map<String, ModelAudited> audits = new LinkedHashMap<>();
    final Map<String, AuditFailed> auditFailures = new LinkedHashMap<>();
    RunAudited audited;

    RunHistory(String runId) {
        this.runId = runId;
    }

    Optional<RunPlanned.JobPlan> multiTaskJob() {
        return plan == null ? Optional.empty()
                : plan.jobs().stream().filter(j -> j.kind() == RunPlanned.JobKind.MULTI_TASK).findFirst();
    }

    /** A job has settled when its training ended or its model is out. */
    boolean settled(String jobId) {
        return ended.containsKey(jobId) || trained.containsKey(jobId);
    }

    List<String> unsettledJobs() {
        List<String> open = new ArrayList<>();
        if (plan != null) {
            plan.jobs().stream().map(RunPlanned.JobPlan::jobId).filter(id -> !settled(id)).forEach(open::add);
        }
        return open;
    }

    void keep(TrainingProgress p) {
        progress.computeIfAbsent(p.jobId(), j -> new ArrayList<>()).add(p);
    }

    void keep(ValidationReported v) {
        validation.computeIfAbsent(v.jobId(), j -> new ArrayList<>()).add(v);
    }

    void planned(RunPlanned p, long now) {
        if (plan == null) {
            plan = p;
            planSeenAt = now;
            settle(now);
        }
    }

    /** After a job's end or model (or the plan) arrived: when no planned job is open, the judgement wait starts. */
    void settle(long now) {
        if (plan != null && lastJobSettledAt == null && unsettledJobs().isEmpty()) {
            lastJobSettledAt = now;
        }
    }
}
