package io.multitune.cli.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.cli.broker.LocalBroker;
import io.multitune.cli.common.KafkaSettings;
import io.multitune.cli.common.Processes;
import io.multitune.cli.common.TopicProvisioning;
import io.multitune.events.CloudEventHeaders;
import io.multitune.events.DatasetProfiled;
import io.multitune.events.DatasetSpec;
import io.multitune.events.EventCodec;
import io.multitune.events.RawMessageKind;
import io.multitune.events.SourceFormat;
import io.multitune.events.TaskType;
import io.multitune.events.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The raw-topic protocol and the profile wait against a real broker (the standalone broker process); data-ingest
 * is played by the test.
 */
class IngestClientBrokerTest {
    @TempDir
    Path dir;

    @Test
    void sendsTheProtocolAndWaitsForThisImportsCompleteProfile() throws Exception {
        LocalBroker.Handle broker = LocalBroker.start(dir.resolve("broker"), Processes.freePort()).stopOnExit();
        try {
            KafkaSettings kafka = KafkaSettings.forBootstrap(broker.bootstrapServers());
            TopicProvisioning.ensureTopics(kafka);
            Path csv = dir.resolve("data.csv");
            Files.writeString(csv, "text,label\n\"one\nline two\",pos\nb,neg\nc,pos\nd,neg\ne,pos\n");
            DatasetSpec spec = new DatasetSpec("ds-csv", "t", TaskType.TEXT_CLASSIFICATION, SourceFormat.CSV,
                    null, null, null, null, null, null, null, null, null, null, null, null);
            List<Long> progress = new ArrayList<>();
            try (IngestClient client = new IngestClient(kafka.clientConfig())) {
                IngestResult result = client.send(spec, csv, IngestOptions.defaults().withRecordsPerMessage(2)
                        .withProgress((records, total, bytes, elapsed, done) -> {
                            assertEquals(5, total);
                            progress.add(records);
                        }));
                assertEquals(5, result.records());
                assertEquals(3, result.messages());
                assertEquals(5L, progress.get(progress.size() - 1));

                List<ConsumerRecord<String, byte[]>> raw = readAll(kafka, Topics.DATA_RAW, 5);
                assertEquals(List.of("spec", "records", "records", "records", "end"),
                        raw.stream().map(r -> CloudEventHeaders.lastValue(r.headers(), RawMessageKind.HEADER))
                                .toList());
                raw.forEach(r -> assertEquals("ds-csv", r.key()));
                assertEquals(spec, EventCodec.INSTANCE.mapper().readValue(raw.get(0).value(), DatasetSpec.class));
                assertEquals("text,label\n\"one\nline two\",pos\nb,neg\n", utf8(raw.get(1).value()));
                assertEquals("text,label\nc,pos\nd,neg\n", utf8(raw.get(2).value()));
                assertEquals("text,label\ne,pos\n", utf8(raw.get(3).value()));
                assertEquals(0, raw.get(4).value().length);

                Instant since = result.startedAt();
                try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(kafka.clientConfig(),
                        new StringSerializer(), new ByteArraySerializer())) {
                    send(p, profile("ds-csv", true, 1), since.minusSeconds(60)); // an earlier import
                    send(p, profile("other", true, 2), since.plusMillis(1));
                    send(p, profile("ds-csv", false, 3), since.plusMillis(2)); // provisional
                    send(p, profile("ds-csv", true, 5), since.plusMillis(3));
                    p.flush();
                }
                DatasetProfiled got = client.awaitProfile("ds-csv", since, Duration.ofSeconds(30));
                assertEquals(5, got.counts().received());
                IngestException timeout = assertThrows(IngestException.class,
                        () -> client.awaitProfile("nobody", since, Duration.ofSeconds(2)));
                assertEquals(IngestException.TIMEOUT, timeout.exitCode());
            }
        } finally {
            broker.stop(Duration.ofSeconds(20));
        }
        try (IngestClient closed = new IngestClient("localhost:" + Processes.freePort())) {
            IngestException e = assertThrows(IngestException.class, () -> closed.checkReachable(Duration.ofSeconds(2)));
            assertEquals(IngestException.BROKER_UNREACHABLE, e.exitCode());
            assertTrue(e.getMessage().startsWith("cannot reach Kafka at localhost:"), e.getMessage());
        }
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static DatasetProfiled profile(String id, boolean complete, long received) {
        return new DatasetProfiled(DatasetProfiled.SCHEMA_VERSION, id, "t", TaskType.TEXT_CLASSIFICATION, complete,
                DatasetProfiled.Trigger.END_OF_IMPORT, Instant.now(),
                new DatasetProfiled.Counts(received, received, 0, 0, 0, received), Map.of(), Map.of(), Map.of(),
                null, null, null, Map.of(), Map.of());
    }

    private static void send(KafkaProducer<String, byte[]> p, DatasetProfiled event, Instant at) throws Exception {
        ProducerRecord<String, byte[]> r = EventCodec.INSTANCE.record(Topics.DATASETS, event.datasetId(), event,
                "/multitune/test");
        p.send(new ProducerRecord<>(r.topic(), null, at.toEpochMilli(), r.key(), r.value(), r.headers())).get();
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(KafkaSettings kafka, String topic, int expected) {
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(kafka.clientConfig(), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 20_000;
            while (out.size() < expected && System.currentTimeMillis() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            return out;
        }
    }
}
