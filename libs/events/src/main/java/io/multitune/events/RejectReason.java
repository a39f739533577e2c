package io.multitune.events;

/** Machine-readable reasons a raw record is sent to the dead-letter topic. */
public enum RejectReason {
    /** The value is not valid JSON, or not a JSON object where one is needed. */
    MALFORMED_JSON,
    /** The value is not valid CSV/TSV (e.g. an unterminated quote, a row with the wrong number of fields). */
    MALFORMED_CSV,
    /** A CoNLL line has fewer columns than the spec's token and tag columns need. */
    MALFORMED_CONLL,
    /** The bytes are not valid UTF-8. */
    INVALID_UTF8,
    /** A field the task type needs is absent. */
    MISSING_FIELD,
    /** A field the task type needs is empty after normalisation. */
    EMPTY_FIELD,
    /** A field holds a value of the wrong kind (a regression target that is not a number, an unknown split). */
    INVALID_VALUE,
    /** The label is not in the spec's label set. */
    UNKNOWN_LABEL,
    /** Token classification: the numbers of tokens and tags differ. */
    TOKEN_TAG_MISMATCH,
    /** Extractive QA: the answer span is not inside the context, or does not match the answer text. */
    SPAN_OUTSIDE_CONTEXT,
    /** A text is longer than the spec's maxTextChars. */
    TEXT_TOO_LONG,
    /** Records for a dataset no spec was registered for. */
    UNKNOWN_DATASET,
    /** A spec message that is not a valid dataset spec. */
    INVALID_SPEC,
    /** The {@value RawMessageKind#HEADER} header has an unknown value. */
    UNKNOWN_MESSAGE_KIND
}
