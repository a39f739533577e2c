package io.multitune.cli.run;

import io.multitune.events.AuditFailed;
import io.multitune.events.EvaluationFailed;
import io.multitune.events.ModelAudited;
import io.multitune.events.ModelEvaluated;
import io.multitune.events.PipelineEvent;
import io.multitune.events.RunAudited;
import io.multitune.events.RunCompleted;
import io.multitune.events.RunEvaluated;
import io.multitune.events.RunFailed;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunRejected;
import io.multitune.events.RunRequest;
import io.multitune.events.Topics;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the topics have said about one run so far, folded from its events in order ({@link #apply}): request,
 * plan or rejection, each job's training, the evaluator's and the bias auditor's results, and the run's end.
 * No Kafka here: the watch, the report and the list feed it.
 *
 * <p>The first answer counts: once a run is planned or rejected, a later rejection answers a duplicate request with
 * the same run id ({@code DUPLICATE_RUN}), not this run. Likewise the first end counts.
 */
public final class RunState {
    /** Where a run stands. */
    public enum Phase { UNKNOWN, WAITING_FOR_PLAN, REJECTED, RUNNING, COMPLETED, FAILED }

    /** What an applied event changed, so a display knows what to print. */
    enum Change {
        NONE, REQUESTED, PLANNED, REJECTED, JOB, MODEL_EVALUATED, EVALUATION_FAILED, EVALUATED, MODEL_AUDITED,
        AUDIT_FAILED, AUDITED, ENDED
    }

    private final String runId;
    private final Map<String, JobStatus> jobs = new LinkedHashMap<>();
    private Long firstSeen;
    private Instant requestedAt;
    private RunRequest request;
    private RunPlanned plan;
    private RunRejected rejected;
    private RunEvaluated evaluated;
    private RunAudited audited;
    private RunCompleted completed;
    private RunFailed failed;

    public RunState(String runId) {
        this.runId = runId;
    }

    /**
     * Whether a record of {@code topic} with {@code key} may be about this run: a cheap test before decoding. Runs
     * and evaluations are keyed by run id, training by job id; a plain request on the runs topic may name its run
     * in its body only.
     */
    boolean wants(String topic, String key) {
        if (Topics.RUNS.equals(topic)) {
            return true;
        }
        return key == null || (Topics.TRAINING.equals(topic) ? jobs.containsKey(key) : runId.equals(key));
    }

    /** Takes in one event; events of other runs and jobs change nothing. */
    Change apply(RunRecord record) {
        PipelineEvent e = record.event();
        if (e == null) {
            return Change.NONE;
        }
        if (Topics.TRAINING.equals(record.topic()) || RunRecord.runIdOf(e) == null) {
            JobStatus job = jobs.get(e.subject());
            return job != null && job.apply(e) ? seen(record, Change.JOB) : Change.NONE;
        }
        if (!runId.equals(RunRecord.runIdOf(e))) {
            return Change.NONE;
        }
        return seen(record, runEvent(e, Instant.ofEpochMilli(record.timestamp())));
    }

    private Change runEvent(PipelineEvent e, Instant recordTime) {
        if (e instanceof RunRequest q && request == null) {
            request = q;
            requestedAt = q.requestedAt() != null ? q.requestedAt() : recordTime;
            return Change.REQUESTED;
        } else if (e instanceof RunPlanned p && unanswered()) {
            plan = p;
            p.jobs().forEach(j -> jobs.put(j.jobId(), new JobStatus(j)));
            return Change.PLANNED;
        } else if (e instanceof RunRejected r && unanswered()) {
            rejected = r;
            return Change.REJECTED;
        } else if (e instanceof ModelEvaluated) {
            return Change.MODEL_EVALUATED;
        } else if (e instanceof EvaluationFailed) {
            return Change.EVALUATION_FAILED;
        } else if (e instanceof RunEvaluated r && evaluated == null) {
            evaluated = r;
            return Change.EVALUATED;
        } else if (e instanceof ModelAudited) {
            return Change.MODEL_AUDITED;
        } else if (e instanceof AuditFailed) {
            return Change.AUDIT_FAILED;
        } else if (e instanceof RunAudited a && audited == null) {
            audited = a;
            return Change.AUDITED;
        } else if (e instanceof RunCompleted c && !ended()) {
            completed = c;
            return Change.ENDED;
        } else if (e instanceof RunFailed f && !ended() && !(f.stage() == RunFailed.Stage.REQUEST && plan != null)) {
            failed = f; // a REQUEST failure after a plan answers a duplicate request, not this run
            return Change.ENDED;
        }
        return Change.NONE;
    }

    private boolean unanswered() {
        return plan == null && rejected == null;
    }

    private Change seen(RunRecord record, Change change) {
        if (change != Change.NONE && (firstSeen == null || record.timestamp() < firstSeen)) {
            firstSeen = record.timestamp();
        }
        return change;
    }

    public Phase phase() {
        if (rejected != null || (failed != null && failed.stage() == RunFailed.Stage.REQUEST)) {
            return Phase.REJECTED;
        } else if (completed != null) {
            return Phase.COMPLETED;
        } else if (failed != null) {
            return Phase.FAILED;
        } else if (plan != null) {
            return Phase.RUNNING;
        }
        return request != null ? Phase.WAITING_FOR_PLAN : Phase.UNKNOWN;
    }

    /** The run has its run-completed or run-failed, or was rejected: nothing more will happen to it. */
    public boolean ended() {
        return completed != null || failed != null || rejected != null;
    }

    /** What the run is waiting for, as a phrase: "the sampler's plan", "the training of 2 of 3 jobs (...)", ... */
    public String waitingFor() {
        if (plan == null) {
            return "the sampler's plan (run-planned)";
        }
        List<String> training = jobs.values().stream().filter(j -> !j.done()).map(j -> j.job().jobId()).toList();
        if (!training.isEmpty()) {
            return "the training of " + training.size() + " of " + RunRequests.count(jobs.size(), "job") + " ("
                    + String.join(", ", training) + ")";
        } else if (evaluated == null) {
            return "the evaluator's judgement (run-evaluated)";
        } else if (audited == null) {
            return "the bias audit (run-audited)";
        }
        return "the run's end (run-completed or run-failed, from the evaluator)";
    }

    public String runId() {
        return runId;
    }

    /** The time of the earliest event of the run applied (epoch ms), for ordering runs; null when none. */
    public Long firstSeen() {
        return firstSeen;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public RunRequest request() {
        return request;
    }

    public RunPlanned plan() {
        return plan;
    }

    public RunRejected rejected() {
        return rejected;
    }

    /** Each planned job's training, in plan order. */
    public List<JobStatus> jobs() {
        return List.copyOf(jobs.values());
    }

    public RunEvaluated evaluated() {
        return evaluated;
    }

    public RunAudited audited() {
        return audited;
    }

    public RunCompleted completed() {
        return completed;
    }

    public RunFailed failed() {
        return failed;
    }
}
