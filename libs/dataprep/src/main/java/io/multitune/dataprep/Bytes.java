package io.multitune.dataprep;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Byte searches for the per-message hot path. */
final class Bytes {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private Bytes() {
    }

    /**
     * Index of the first {@code b} at or after {@code from}, or -1. Tests eight bytes per step (the classic
     * "has zero byte" trick on the word XOR the pattern), since every JSONL message is scanned end to end for
     * newlines. The lowest flagged byte is always a true match; false flags can only sit above a true one.
     */
    static int indexOf(byte[] bytes, byte b, int from) {
        long pattern = ONES * (b & 0xFF);
        int i = from;
        for (; i + Long.BYTES <= bytes.length; i += Long.BYTES) {
            long x = (long) LONGS.get(bytes, i) ^ pattern;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
