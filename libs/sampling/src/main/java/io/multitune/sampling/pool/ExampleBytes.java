package io.multitune.sampling.pool;

import java.nio.ByteBuffer;

/**
 * An example's JSON, exactly as read from the examples topic: a region of a buffer. The sampler keeps its pools'
 * JSON in large off-heap slabs ({@link ExampleSlabs}) because a pool of a few hundred thousand kilobyte-sized byte
 * arrays on the heap made every young collection copy it (seconds of pauses on two cores); tests wrap plain arrays.
 */
public record ExampleBytes(ByteBuffer buffer, int offset, int length) {

    /** The bytes of an array, on the heap. */
    public static ExampleBytes of(byte[] json) {
        return new ExampleBytes(ByteBuffer.wrap(json), 0, json.length);
    }

    /** Copies the bytes into {@code dst} at {@code at}. */
    public void copyTo(byte[] dst, int at) {
        buffer.get(offset, dst, at, length);
    }

    public byte[] toArray() {
        byte[] copy = new byte[length];
        copyTo(copy, 0);
        return copy;
    }
}
