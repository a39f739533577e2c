package io.multitune.dataprep;

import io.multitune.events.RejectReason;

/** Builders for the malformed records every format produces the same way. */
final class Malformations {
    static final String VALUE = "value";

    private Malformations() {
    }

    /** A record whose text could be decoded but not parsed. */
    static RawUnit.Malformed text(int index, String text, RejectReason reason, String field, String problem) {
        return new RawUnit.Malformed(index, text, RawUnit.Malformed.UTF_8, Rejection.of(reason, field, problem));
    }

    /** Bytes that are not valid UTF-8: kept in base64 so the dead letter carries them unchanged. */
    static RawUnit.Malformed invalidUtf8(int index, byte[] bytes, int off, int len) {
        return new RawUnit.Malformed(index, Utf8.base64(bytes, off, len), RawUnit.Malformed.BASE64,
                Rejection.of(RejectReason.INVALID_UTF8, VALUE, "the bytes are not valid UTF-8"));
    }
}
