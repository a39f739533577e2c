package io.multitune.ingest;

import io.multitune.events.DatasetProfiled;
import io.multitune.events.EventCodec;
import io.multitune.events.PipelineEvent;
import io.multitune.events.RawMessageKind;
import io.multitune.events.RecordRejected;
import io.multitune.events.StandardExample;
import io.multitune.events.Topics;
import io.multitune.testing.kafka.KafkaTestClient;
import io.multitune.testing.kafka.TestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Talks to data-ingest the way any producer and consumer would: through the real broker's topics. */
final class IngestTestSupport {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final KafkaTestClient client;

    IngestTestSupport() {
        this(TestBroker.shared().client());
    }

    IngestTestSupport(KafkaTestClient client) {
        this.client = client;
    }

    void sendSpec(String datasetId, String specJson) {
        client.produce(Topics.DATA_RAW, datasetId, specJson.getBytes(StandardCharsets.UTF_8),
                Map.of(RawMessageKind.HEADER, "spec"));
    }

    void sendRecords(String datasetId, byte[] payload) {
        client.produce(Topics.DATA_RAW, datasetId, payload, Map.of());
    }

    void sendRecords(String datasetId, String payload) {
        sendRecords(datasetId, payload.getBytes(StandardCharsets.UTF_8));
    }

    void sendEnd(String datasetId) {
        client.produce(Topics.DATA_RAW, datasetId, new byte[0], Map.of(RawMessageKind.HEADER, "end"));
    }

    /** The n-th complete profile of a dataset (1-based), waiting for it. */
    DatasetProfiled awaitProfile(String datasetId, int nth, boolean complete) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            List<DatasetProfiled> profiles = events(Topics.DATASETS, DatasetProfiled.class).stream()
                    .filter(p -> p.datasetId().equals(datasetId) && p.complete() == complete).toList();
            if (profiles.size() >= nth) {
                return profiles.get(nth - 1);
            }
            sleep(300);
        }
        throw new AssertionError("no profile #" + nth + " (complete=" + complete + ") of " + datasetId + " within "
                + TIMEOUT);
    }

    /** Live examples of a dataset by id, after compaction semantics (last value wins, tombstones remove). */
    Map<String, StandardExample> liveExamples(String datasetId, long expected) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Map<String, StandardExample> live = Map.of();
        while (System.nanoTime() < deadline) {
            live = new LinkedHashMap<>();
            for (ConsumerRecord<String, byte[]> r : client.consumeUntilIdle(Topics.EXAMPLES, Duration.ofMillis(400),
                    TIMEOUT)) {
                if (!r.key().startsWith(datasetId + "-")) {
                    continue;
                }
                if (r.value() == null) {
                    live.remove(r.key());
                } else {
                    live.put(r.key(), EventCodec.INSTANCE.decode(r.value(), StandardExample.class));
                }
            }
            if (live.size() >= expected) {
                return live;
            }
            sleep(300);
        }
        return live;
    }

    List<RecordRejected> deadLetters(String datasetId, long expected) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        List<RecordRejected> found = List.of();
        while (System.nanoTime() < deadline) {
            found = events(Topics.DATA_DLQ, RecordRejected.class).stream()
                    .filter(r -> r.datasetId().equals(datasetId)).toList();
            if (found.size() >= expected) {
                return found;
            }
            sleep(300);
        }
        return found;
    }

    /** Records of one key on a topic, raw. */
    List<ConsumerRecord<String, byte[]>> recordsOf(String topic, String key) {
        return client.consumeUntilIdle(topic, Duration.ofMillis(400), TIMEOUT).stream()
                .filter(r -> Objects.equals(r.key(), key)).toList();
    }

    <T extends PipelineEvent> List<T> events(String topic, Class<T> type) {
        return client.consumeUntilIdle(topic, Duration.ofMillis(300), TIMEOUT).stream()
                .filter(r -> r.value() != null)
                .map(r -> EventCodec.INSTANCE.decode(r.headers(), r.value()))
                .filter(type::isInstance).map(type::cast).toList();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
