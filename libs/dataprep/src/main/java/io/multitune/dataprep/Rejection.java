package io.multitune.dataprep;

import io.multitune.events.RejectReason;

/**
 * Why a record (or a spec) cannot be used.
 *
 * @param reason  the machine-readable reason
 * @param field   the offending field: a logical field name (e.g. "label", "tokens"), a column name, a spec property,
 *                or "value" for the whole message
 * @param message a sentence for humans naming the field and the problem
 */
public record Rejection(RejectReason reason, String field, String message) {

    /** A rejection whose message is "field {field}: {problem}", the form used everywhere in this package. */
    public static Rejection of(RejectReason reason, String field, String problem) {
        return new Rejection(reason, field, "field " + field + ": " + problem);
    }
}
