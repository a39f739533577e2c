package io.multitune.dataprep;

import java.util.Map;

/** One record cut out of a raw message: either parsed into fields or rejected as malformed. */
public sealed interface RawUnit permits RawUnit.Parsed, RawUnit.Malformed {

    /** 0-based index of the record within its raw message (blank lines and headers are not counted). */
    int index();

    /** The record's original text (base64 of its bytes for a {@link Malformed} with that encoding). */
    String text();

    /**
     * A record read into fields by source field name. JSON values are String, Number, Boolean, List, Map or null;
     * CSV/TSV values are Strings; CoNLL gives lists of strings under the spec's tokens and tags source fields.
     */
    record Parsed(int index, String text, Map<String, Object> fields) implements RawUnit {
    }

    /**
     * A record that could not be read.
     *
     * @param textEncoding "utf-8", or "base64" when the bytes were not valid UTF-8 and {@code text} holds them in base64
     */
    record Malformed(int index, String text, String textEncoding, Rejection rejection) implements RawUnit {
        public static final String UTF_8 = "utf-8";
        public static final String BASE64 = "base64";
    }
}
