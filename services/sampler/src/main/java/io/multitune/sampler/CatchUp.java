package io.multitune.sampler;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Knows when the sampler has read its input topics up to where they ended at start-up. Until then the state is
 * being rebuilt and nothing is planned or published: acting on half-read state could re-plan an answered request
 * or publish a batch that is already on the topic.
 */
final class CatchUp {
    private final Map<TopicPartition, Long> endAtStart;
    private final Map<TopicPartition, Long> position = new HashMap<>();
    private final long createdNanos = System.nanoTime();
    private long lastRecordNanos = createdNanos;

    CatchUp(Map<TopicPartition, Long> endAtStart) {
        this.endAtStart = Map.copyOf(endAtStart);
    }

    void observed(String topic, int partition, long offset, long nowNanos) {
        position.merge(new TopicPartition(topic, partition), offset + 1, Math::max);
        lastRecordNanos = nowNanos;
    }

    /**
     * The consumer's own positions, which also pass offsets no record reports (a transaction marker, say). A
     * position counts only once no record has arrived for a while: the consumer's position runs ahead of what has
     * been handed over for processing, since it advances as soon as records are fetched.
     */
    void positions(Map<TopicPartition, Long> consumerPositions, long nowNanos) {
        if (nowNanos - lastRecordNanos >= QUIET_NANOS) {
            consumerPositions.forEach((tp, p) -> position.merge(tp, p, Math::max));
        }
    }

    private static final long QUIET_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

    boolean done() {
        return endAtStart.entrySet().stream().allMatch(e -> position.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    /** Partitions still behind, for the readiness check and logs. */
    Map<TopicPartition, Long> behind() {
        Map<TopicPartition, Long> behind = new HashMap<>();
        endAtStart.forEach((tp, end) -> {
            long lag = end - position.getOrDefault(tp, 0L);
            if (lag > 0) {
                behind.put(tp, lag);
            }
        });
        return behind;
    }
}
