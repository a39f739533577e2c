package io.multitune.lifecycle;

import io.multitune.events.AuditFailed;
import io.multitune.events.BatchesAcknowledged;
import io.multitune.events.CloudEventHeaders;
import io.multitune.events.EvaluationFailed;
import io.multitune.events.EventCodec;
import io.multitune.events.EventType;
import io.multitune.events.ModelAudited;
import io.multitune.events.ModelEvaluated;
import io.multitune.events.ModelTrained;
import io.multitune.events.PipelineEvent;
import io.multitune.events.RunAudited;
import io.multitune.events.RunCompleted;
import io.multitune.events.RunEvaluated;
import io.multitune.events.RunFailed;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunRejected;
import io.multitune.events.RunScoped;
import io.multitune.events.Topics;
import io.multitune.events.TrainingEnded;
import io.multitune.events.TrainingProgress;
import io.multitune.events.TrainingStarted;
import io.multitune.events.ValidationReported;
import io.multitune.sampling.request.RequestRunIds;
import io.multitune.sampling.request.RunRequestReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Follows every run from the records of the runs, training, evaluations and audits topics and says which runs have
 * ended and how ({@link #due()}): the host then emits the end and calls {@link #ended}. A run that already has an
 * end event on the runs topic is left alone. Every method runs under this object's lock.
 */
public final class RunLifecycle {
    private final LifecycleSettings settings;
    private final LongSupplier nanoClock;
    private final Map<String, RunHistory> runs = new HashMap<>();
    private final Set<String> ended = new HashSet<>();
    private long lastTrainingEventAt;

    public RunLifecycle(LifecycleSettings settings) {
        this(settings, System::nanoTime);
    }

    /** With the clock timeouts are measured on (tests move it instead of sleeping). */
    RunLifecycle(LifecycleSettings settings, LongSupplier nanoClock) {
        this.settings = settings;
        this.nanoClock = nanoClock;
        this.lastTrainingEventAt = nanoClock.getAsLong();
    }

    /** Applies records of the four topics in order; records that do not decode are skipped (their readers say why). */
    public synchronized void onRecords(Iterable<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> r : records) {
            if (r.value() == null) {
                continue;
            }
            if (Topics.RUNS.equals(r.topic()) && isRequest(r)) {
                requested(RequestRunIds.of(RunRequestReader.read(r.value()), r.key(), r.partition(), r.offset()));
                continue;
            }
            try {
                apply(EventCodec.INSTANCE.decode(r.headers(), r.value()));
            } catch (RuntimeException e) {
                // Not an event this lifecycle can read; the topic's own consumers report it.
            }
        }
    }

    private static boolean isRequest(ConsumerRecord<String, byte[]> r) {
        String type = CloudEventHeaders.lastValue(r.headers(), CloudEventHeaders.CE_TYPE);
        return type == null || type.equals(EventType.RUN_REQUESTED.ceType());
    }

    /** A run request was seen (requests from any producer, read as the sampler reads them). */
    public synchronized void requested(String runId) {
        RunHistory run = open(runId);
        if (run != null && run.requestSeenAt == null) {
            run.requestSeenAt = nanoClock.getAsLong();
        }
    }

    /** Applies one event. */
    public synchronized void apply(PipelineEvent event) {
        long now = nanoClock.getAsLong();
        if (isTrainerEvent(event)) {
            lastTrainingEventAt = now;
        }
        if (event instanceof RunCompleted || event instanceof RunFailed) {
            ended(event.subject());
            return;
        }
        String runId = event instanceof RunScoped scoped ? scoped.runId() : null;
        RunHistory run = runId == null ? null : open(runId);
        if (run != null) {
            record(run, event, now);
        }
    }

    private static boolean isTrainerEvent(PipelineEvent e) {
        return e instanceof TrainingProgress || e instanceof ValidationReported || e instanceof TrainingEnded
                || e instanceof ModelTrained || e instanceof TrainingStarted || e instanceof BatchesAcknowledged;
    }

    private static void record(RunHistory run, PipelineEvent event, long now) {
        // The sampler's first answer to a run id counts: a later DUPLICATE_RUN rejection answers another request
        // with the same id, not the run.
        if (event instanceof RunPlanned p) {
            if (run.rejected == null) {
                run.planned(p, now);
            }
        } else if (event instanceof RunRejected r) {
            if (run.plan == null && run.rejected == null) {
                run.rejected = r;
            }
        } else if (event instanceof TrainingEnded t) {
            run.ended.putIfAbsent(t.jobId(), t);
            run.settle(now);
        } else if (event instanceof ModelTrained t) {
            run.trained.putIfAbsent(t.jobId(), t);
            run.settle(now);
        } else if (event instanceof TrainingProgress p) {
            run.keep(p);
        } else if (event instanceof ValidationReported v) {
            run.keep(v);
        } else {
            recordJudgement(run, event);
        }
    }

    private static void recordJudgement(RunHistory run, PipelineEvent event) {
        if (event instanceof ModelEvaluated m) {
            run.evaluations.put(m.jobId(), m);
        } else if (event instanceof EvaluationFailed f) {
            run.evaluationFailures.put(f.jobId(), f);
        } else if (event instanceof RunEvaluated r) {
            run.evaluated = r;
        } else if (event instanceof ModelAudited m) {
            run.audits.put(m.jobId(), m);
        } else if (event instanceof AuditFailed f) {
            run.auditFailures.put(f.jobId(), f);
        } else if (event instanceof RunAudited r) {
            run.audited = r;
        }
    }

    /** The run's history, or null when the run has ended. */
    private RunHistory open(String runId) {
        return ended.contains(runId) ? null : runs.computeIfAbsent(runId, RunHistory::new);
    }

    /**
     * The runs that have ended and not been closed with {@link #ended} yet: a host calls this periodically, emits
     * each, then calls {@link #ended}. Asking again before that gives them again.
     */
    public synchronized List<RunEnding> due() {
        List<RunEnding> due = new ArrayList<>();
        long now = nanoClock.getAsLong();
        EndRules rules = new EndRules(settings, now, lastTrainingEventAt);
        for (RunHistory run : runs.values()) {
            RunEnding ending = rules.ending(run);
            if (ending != null) {
                due.add(ending);
            }
        }
        return due;
    }

    /** The run has its end event: forget its history. */
    public synchronized void ended(String runId) {
        ended.add(runId);
        runs.remove(runId);
    }

    /** Runs followed and not ended. */
    public synchronized int open() {
        return runs.size();
    }
}
