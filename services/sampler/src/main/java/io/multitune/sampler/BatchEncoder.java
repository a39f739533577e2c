package io.multitune.sampler;

import io.multitune.events.EventCodec;
import io.multitune.events.TrainingBatch;
import io.multitune.sampling.pool.ExampleBytes;
import io.multitune.sampling.pool.PoolExample;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a {@link TrainingBatch} body by splicing each example's JSON, exactly as it was read from the examples
 * topic, into the batch's {@code examples} array. Decoding and re-encoding every example would be most of the
 * sampler's CPU; the result is byte-for-byte what {@link EventCodec} would write for the same batch, up to the
 * examples' field order.
 */
final class BatchEncoder {
    private static final byte[] EMPTY_TAIL = "[]}".getBytes(StandardCharsets.US_ASCII);

    private BatchEncoder() {
    }

    static byte[] encode(TrainingBatch header, List<PoolExample> examples) {
        if (!header.examples().isEmpty()) {
            throw new IllegalArgumentException("the header batch must have no examples; they are spliced in");
        }
        byte[] head = EventCodec.INSTANCE.encode(header);
        int tail = head.length - EMPTY_TAIL.length;
        // The codec writes record components in declaration order, and examples is the last one.
        if (tail < 0 || head[tail] != '[' || head[tail + 1] != ']' || head[tail + 2] != '}') {
            throw new IllegalStateException("unexpected TrainingBatch encoding: examples is not the last field");
        }
        int size = head.length + Math.max(0, examples.size() - 1);
        for (PoolExample e : examples) {
            size += e.json().length();
        }
        // Sized exactly and filled in place: a batch is tens of KB and a stream-and-copy would copy it twice.
        byte[] out = new byte[size];
        System.arraycopy(head, 0, out, 0, tail + 1);
        int at = tail + 1;
        for (int i = 0; i < examples.size(); i++) {
            if (i > 0) {
                out[at++] = ',';
            }
            ExampleBytes json = examples.get(i).json();
            json.copyTo(out, at);
            at += json.length();
        }
        out[at++] = ']';
        out[at] = '}';
        return out;
    }
}
