package io.multitune.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.cli.broker.LocalBroker;
import io.multitune.cli.common.CliException;
import io.multitune.cli.common.KafkaSettings;
import io.multitune.cli.common.Processes;
import io.multitune.cli.common.TopicProvisioning;
import io.multitune.events.CloudEventHeaders;
import io.multitune.events.EventCodec;
import io.multitune.events.EventType;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunRejected;
import io.multitune.events.RunRequest;
import io.multitune.events.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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

/**
 * Submitting a run request and waiting for its answer against a real broker (the standalone broker process); the
 * sampler is played by the test.
 */
class RunClientBrokerTest {
    @TempDir
    Path dir;

    @Test
    void sendsTheRequestAndTakesOnlyAnAnswerWrittenAfterIt() throws Exception {
        LocalBroker.Handle broker = LocalBroker.start(dir.resolve("broker"), Processes.freePort()).stopOnExit();
        try {
            KafkaSettings kafka = KafkaSettings.forBootstrap(broker.bootstrapServers());
            TopicProvisioning.ensureTopics(kafka);
            try (KafkaProducer<String, byte[]> sampler = new KafkaProducer<>(kafka.clientConfig(),
                    new StringSerializer(), new ByteArraySerializer());
                 RunClient client = new RunClient(kafka.clientConfig())) {
                // an answer to an earlier request with the same run id must not be taken for this one's
                RunPlanned old = PlanReportTest.plan();
                sampler.send(EventCodec.INSTANCE.record(Topics.RUNS, "run-1", old, "/multitune/sampler")).get();

                RunRequest request = RunRequests.stamp(new RunRequest(0, "run-1",
                        List.of(RunRequest.TaskRef.of("sentiment")), null, null, null, null, null, null, null, null,
                        null, null, null), Instant.now());
                CompletableFuture<ConsumerRecord<String, byte[]>> seen = CompletableFuture.supplyAsync(
                        () -> firstRequest(kafka));
                RunClient.Submission submission = client.submit(request);
                ConsumerRecord<String, byte[]> sent = seen.get(30, TimeUnit.SECONDS);
                assertEquals("run-1", sent.key());
                assertEquals(EventType.RUN_REQUESTED.ceType(),
                        CloudEventHeaders.lastValue(sent.headers(), CloudEventHeaders.CE_TYPE));
                assertEquals(RunClient.SOURCE,
                        CloudEventHeaders.lastValue(sent.headers(), CloudEventHeaders.CE_SOURCE));
                assertEquals("run-1", CloudEventHeaders.lastValue(sent.headers(), CloudEventHeaders.CE_SUBJECT));
                assertEquals(request, EventCodec.INSTANCE.decode(sent.headers(), sent.value()));
                assertEquals(sent.partition(), submission.partition());
                assertEquals(sent.offset(), submission.offset());

                RunRejected answer = new RunRejected(RunRejected.SCHEMA_VERSION, "run-1", List.of(
                        new RunRejected.Problem("tasks[0]", RunRejected.Reason.NO_EXAMPLES, "no training examples")),
                        Instant.now());
                sampler.send(EventCodec.INSTANCE.record(Topics.RUNS, "run-2", PlanReportTest.plan(),
                        "/multitune/sampler")).get(); // another run's answer
                sampler.send(EventCodec.INSTANCE.record(Topics.RUNS, "run-1", answer, "/multitune/sampler")).get();
                Optional<RunClient.Answer> got = client.await(submission, Duration.ofSeconds(30));
                assertTrue(got.isPresent());
                assertEquals(answer, got.get().rejected());

                RunClient.Submission unanswered = client.submit(request.withRunId("run-3"));
                assertTrue(client.await(unanswered, Duration.ofSeconds(2)).isEmpty());
            }
        } finally {
            broker.stop(Duration.ofSeconds(20));
        }
        try (RunClient closed = new RunClient(Map.of("bootstrap.servers", "localhost:" + Processes.freePort()))) {
            RunRequest request = new RunRequest(1, "r", List.of(), null, null, null, null, null, null, null, null,
                    null, null, null);
            CliException e = assertThrows(CliException.class, () -> closed.submit(request));
            assertEquals(RunSubmitCommand.KAFKA_UNREACHABLE, e.exitCode());
            assertTrue(e.getMessage().startsWith("cannot reach Kafka at localhost:"), e.getMessage());
        }
    }

    /** The first run request on the topic (the test's sampler reads from the beginning). */
    private static ConsumerRecord<String, byte[]> firstRequest(KafkaSettings kafka) {
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(kafka.clientConfig(), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(Topics.RUNS).stream()
                    .map(i -> new TopicPartition(Topics.RUNS, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (EventType.RUN_REQUESTED.ceType()
                            .equals(CloudEventHeaders.lastValue(r.headers(), CloudEventHeaders.CE_TYPE))) {
                        return r;
                    }
                }
            }
            throw new AssertionError("no run request arrived");
        }
    }
}
