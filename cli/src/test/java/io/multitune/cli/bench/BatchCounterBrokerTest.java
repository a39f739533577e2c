package io.multitune.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.multitune.cli.broker.LocalBroker;
import io.multitune.cli.common.KafkaSettings;
import io.multitune.cli.common.Processes;
import io.multitune.cli.common.TopicProvisioning;
import io.multitune.events.BatchesAcknowledged;
import io.multitune.events.EventCodec;
import io.multitune.events.StandardExample;
import io.multitune.events.Topics;
import io.multitune.events.TrainingBatch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's stand-in trainer against a real broker: counts a run's batches and acknowledges each. */
class BatchCounterBrokerTest {
    @TempDir
    Path dir;

    @Test
    void countsTrainExamplesAndAcknowledgesEveryBatchOfTheRun() throws Exception {
        LocalBroker.Handle broker = LocalBroker.start(dir.resolve("broker"), Processes.freePort()).stopOnExit();
        try {
            KafkaSettings kafka = KafkaSettings.forBootstrap(broker.bootstrapServers());
            TopicProvisioning.ensureTopics(kafka);
            List<StandardExample> examples = new ArrayList<>();
            BenchExamples data = BenchExamples.generate("d", "t", 300, 50, 1);
            data.records(Topics.EXAMPLES).forEach(r ->
                    examples.add((StandardExample) EventCodec.INSTANCE.decode(r.headers(), r.value())));
            try (KafkaProducer<String, byte[]> sampler = new KafkaProducer<>(kafka.clientConfig(),
                    new StringSerializer(), new ByteArraySerializer())) {
                sampler.send(batch("old-run", "old-job", 0, TrainingBatch.Kind.TRAIN, true, examples.subList(0, 5)))
                        .get(); // before the counter: never read
                try (BatchCounter counter = new BatchCounter(broker.bootstrapServers(), "run")) {
                    sampler.send(batch("run", "job", 0, TrainingBatch.Kind.TRAIN, false, examples.subList(0, 100)));
                    sampler.send(batch("other", "x", 0, TrainingBatch.Kind.TRAIN, true, examples.subList(0, 7)));
                    sampler.send(batch("run", "job", 1, TrainingBatch.Kind.TRAIN, false, examples.subList(100, 190)));
                    sampler.send(batch("run", "job", 2, TrainingBatch.Kind.VALIDATION, true,
                            examples.subList(190, 200)));
                    sampler.flush();
                    BatchCounter.Counts c = counter.awaitLast(List.of("job"), Duration.ofSeconds(30));
                    assertEquals(3, c.batches());
                    assertEquals(2, c.trainBatches());
                    assertEquals(190, c.trainExamples());
                    assertEquals(190, c.distinctTrainIds());
                    assertEquals(10, c.validationExamples());
                }
            }
            List<BatchesAcknowledged> acks = acks(kafka, 3);
            assertEquals(List.of(0L, 1L, 2L), acks.stream().map(BatchesAcknowledged::sequence).toList());
            acks.forEach(a -> assertEquals("job", a.jobId()));
            acks.forEach(a -> assertEquals("run", a.runId()));
        } finally {
            broker.stop(Duration.ofSeconds(20));
        }
    }

    private static org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> batch(String run, String job,
            long seq, TrainingBatch.Kind kind, boolean last, List<StandardExample> examples) {
        TrainingBatch b = new TrainingBatch(TrainingBatch.SCHEMA_VERSION, run, job, seq, kind, seq + 1, 0, last,
                examples);
        var r = EventCodec.INSTANCE.record(Topics.BATCHES, job, b, "/multitune/sampler");
        r.headers().add(TrainingBatch.SEQUENCE_HEADER, Long.toString(seq).getBytes());
        return r;
    }

    private static List<BatchesAcknowledged> acks(KafkaSettings kafka, int expected) {
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(kafka.clientConfig(), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(Topics.TRAINING).stream()
                    .map(i -> new TopicPartition(Topics.TRAINING, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            List<BatchesAcknowledged> out = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 20_000;
            while (out.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    assertEquals("job", r.key());
                    out.add((BatchesAcknowledged) EventCodec.INSTANCE.decode(r.headers(), r.value()));
                }
            }
            return out;
        }
    }
}
