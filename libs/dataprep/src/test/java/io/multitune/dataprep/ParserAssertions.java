package io.multitune.dataprep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.multitune.events.DatasetSpec;
import io.multitune.events.RejectReason;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Shared helpers for the parser tests. */
final class ParserAssertions {
    private ParserAssertions() {
    }

    static List<RawUnit> parse(DatasetSpec spec, String value) {
        return RawPayloadParser.forSpec(spec).parse(value.getBytes(StandardCharsets.UTF_8));
    }

    static RawUnit.Parsed parsed(RawUnit unit) {
        return assertInstanceOf(RawUnit.Parsed.class, unit, () -> "expected a parsed record but got " + unit);
    }

    static RawUnit.Malformed malformed(RawUnit unit, RejectReason reason) {
        RawUnit.Malformed m = assertInstanceOf(RawUnit.Malformed.class, unit,
                () -> "expected a malformed record but got " + unit);
        assertEquals(reason, m.rejection().reason(), m.rejection().message());
        return m;
    }

    /** Bytes of {@code before}, then the invalid UTF-8 byte 0xFF, then {@code after}. */
    static byte[] withInvalidByte(String before, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] b = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + 1 + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        all[a.length] = (byte) 0xFF;
        System.arraycopy(b, 0, all, a.length + 1, b.length);
        return all;
    }
}
