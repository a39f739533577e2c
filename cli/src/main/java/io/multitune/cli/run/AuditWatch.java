package io.multitune.cli.run;

import io.multitune.events.AuditFailed;
import io.multitune.events.ModelAudited;
import io.multitune.events.RunAudited;
import io.multitune.events.RunPlanned;
import io.multitune.events.Topics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Follows a planned run on the audits topic until the bias auditor has audited it, or could not (its multi-task
 * model failed the audit), printing a line per model as it is audited.
 */
public final class AuditWatch implements AutoCloseable {
    private final RunEventsWatch watch;

    /** What the bias auditor said about a run. {@code audited} is null when it did not audit the run in time. */
    public record Outcome(RunAudited audited, List<ModelAudited> models, List<AuditFailed> failures) {
    }

    public AuditWatch(Map<String, Object> connection) {
        this.watch = new RunEventsWatch(connection, Topics.AUDITS, "multitune-audit-watch");
    }

    /** Waits for the run's audit, or its multi-task model's failure, or {@code timeout}. */
    public Outcome follow(RunPlanned plan, Duration timeout, PrintWriter out) {
        String mtlJob = EvaluationWatch.multiTaskJob(plan);
        List<ModelAudited> models = new ArrayList<>();
        List<AuditFailed> failures = new ArrayList<>();
        RunAudited[] audited = new RunAudited[1];
        watch.follow(plan, timeout, event -> {
            if (event instanceof RunAudited e) {
                audited[0] = e;
                return true;
            } else if (event instanceof ModelAudited e) {
                models.add(e);
                out.println(auditedLine(e));
            } else if (event instanceof AuditFailed e) {
                failures.add(e);
                out.println(failedLine(e));
                out.flush();
                return e.jobId() != null && e.jobId().equals(mtlJob);
            }
            out.flush();
            return false;
        });
        return new Outcome(audited[0], models, failures);
    }

    /** "  audited JOB: N model inputs in S s (PROVIDER); T task(s) audited, U not". */
    static String auditedLine(ModelAudited e) {
        return String.format(Locale.ROOT, "  audited %s: %d model inputs in %.1f s (%s); %d task(s) audited, %d not",
                e.jobId(), e.inputs(), e.seconds(), e.executionProvider(), e.tasks().size(), e.notAudited().size());
    }

    /** "  audit of JOB failed (PROBLEM): REASON". */
    static String failedLine(AuditFailed e) {
        return "  audit of " + e.jobId() + " failed (" + e.problem() + "): " + e.reason();
    }

    @Override
    public void close() {
        watch.close();
    }
}
