package io.multitune.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A raw record that could not be used, on {@link Topics#DATA_DLQ}: the original payload, the reason, the offending
 * field and where it came from, so nothing is ever dropped silently and it can be fixed and re-sent.
 *
 * @param payload         the original record text, or the whole raw message in base64 when it was not UTF-8
 * @param payloadEncoding "utf-8" or "base64"
 * @param field           the offending field (a logical field name, a column, or "value" for the whole message)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordRejected(
        int schemaVersion,
        String datasetId,
        RejectReason reason,
        String field,
        String message,
        String payload,
        String payloadEncoding,
        SourcePosition source,
        Instant rejectedAt) implements PipelineEvent {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String subject() {
        return datasetId;
    }
}
