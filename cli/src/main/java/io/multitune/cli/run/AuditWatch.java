package io.multitune.cli.run;

import io.multitune.events.AuditFailed;
import io.multitune.events.ModelAudited;
import io.multitune.events.RunAudited;
import io.multitune.events.RunPlanned;
import io.multitune.events.Topics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Follows a planned run on the audits topic until the bias auditor has audited it, or could not (its multi-task
 * model failed the audit), printing a line per model as it is audited.
 */
public final class AuditWatch implements AutoCloseable {
    private final VerdictWatch<RunAudited, ModelAudited, AuditFailed> watch;

    /** What the service said about a run. {@code audited} is null when it gave no verdict in time. */
    public record Outcome(RunAudited audited, List<ModelAudited> models, List<AuditFailed> failures) {
    }

    public AuditWatch(Map<String, Object> connection) {
        this.watch = new VerdictWatch<>(connection, new VerdictWatch.Kinds<>(Topics.AUDITS, "multitune-audit-watch",
                RunAudited.class, ModelAudited.class, AuditFailed.class, AuditWatch::auditedLine,
                AuditWatch::failedLine, AuditFailed::jobId));
    }

    /** Waits for the run's verdict, or its multi-task model's failure, or {@code timeout}. */
    public Outcome follow(RunPlanned plan, Duration timeout, PrintWriter out) {
        VerdictWatch.Outcome<RunAudited, ModelAudited, AuditFailed> outcome = watch.follow(plan, timeout, out);
        return new Outcome(outcome.verdict(), outcome.models(), outcome.failures());
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
