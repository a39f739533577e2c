package io.multitune.sampling.pool;

import java.nio.ByteBuffer;

/**
 * Append-only off-heap storage for example JSON: fixed-size direct slabs, filled one after another. The garbage
 * collector never copies or scans them, however large the pools grow. Space of replaced or removed examples is not
 * reclaimed (a pool that is re-imported many times grows); {@link #bytesStored()} makes that visible.
 * Not thread-safe: the sampler appends from its one engine thread.
 */
public final class ExampleSlabs {
    /** Slab size; an example larger than a slab gets a slab of its own. */
    public static final int SLAB_BYTES = 16 << 20;

    private ByteBuffer current;
    private long stored;
    private long reserved;

    /** Copies {@code json} into a slab. */
    public ExampleBytes append(byte[] json) {
        if (current == null || current.remaining() < json.length) {
            int size = Math.max(SLAB_BYTES, json.length);
            current = ByteBuffer.allocateDirect(size);
            reserved += size;
        }
        int offset = current.position();
        current.put(json);
        stored += json.length;
        return new ExampleBytes(current, offset, json.length);
    }

    /** Bytes of example JSON appended so far (including replaced or removed examples'). */
    public long bytesStored() {
        return stored;
    }

    /** Off-heap bytes allocated for slabs. */
    public long bytesReserved() {
        return reserved;
    }
}
