package io.multitune.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A model of a run could not be audited, on {@link Topics#AUDITS}, keyed by run id. The bias auditor stays ready;
 * the run's audit goes on without this model (a failed baseline is reported as missing).
 *
 * @param problem what went wrong, as a machine-readable code (shared with the evaluator's failures)
 * @param field   the file, field or example at fault, when one is
 * @param reason  a sentence saying what went wrong and where
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditFailed(int schemaVersion, String runId, String jobId, EvaluationFailed.Problem problem,
                          String field, String reason, Instant at) implements RunScoped {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String subject() {
        return runId;
    }
}
