package io.multitune.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The {@code ce_time} header bytes (RFC 3339, millisecond precision). Thousands of events share a millisecond on the
 * ingest path, so the last formatted millisecond is kept per thread instead of formatting every time.
 */
final class EventTimes {
    private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[] {Long.MIN_VALUE, null});

    private EventTimes() {
    }

    static byte[] format(Instant time) {
        long millis = time.toEpochMilli();
        Object[] last = LAST.get();
        if ((long) last[0] != millis) {
            last[0] = millis;
            last[1] = Instant.ofEpochMilli(millis).toString().getBytes(StandardCharsets.UTF_8);
        }
        return (byte[]) last[1];
    }
}
