package io.multitune.events;

import java.util.Locale;

/**
 * What a message on {@link Topics#DATA_RAW} carries, told by the {@value #HEADER} header so that any
 * Kafka producer (console producer, kcat) can send each kind. A message without the header carries records.
 */
public enum RawMessageKind {
    /** A dataset spec (JSON or YAML) registering or updating the dataset named by the key. */
    SPEC,
    /** One or more records in the dataset's source format. */
    RECORDS,
    /** The producer finished an import: the dataset's profile is emitted now. */
    END;

    /** Header naming the kind of a raw message. */
    public static final String HEADER = "mt_kind";

    /** Parses a header value; absent means {@link #RECORDS}. */
    public static RawMessageKind fromHeader(String value) {
        if (value == null || value.isBlank()) {
            return RECORDS;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("header " + HEADER + ": unknown kind '" + value
                    + "', expected one of spec, records, end");
        }
    }

    /** The header value for this kind. */
    public String headerValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
