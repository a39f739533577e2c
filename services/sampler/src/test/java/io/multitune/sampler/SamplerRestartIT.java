package io.multitune.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.CloudEventHeaders;
import io.multitune.events.EventCodec;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunRequest;
import io.multitune.events.StandardExample;
import io.multitune.events.Topics;
import io.multitune.events.TrainingBatch;
import io.multitune.testing.kafka.KafkaTestClient;
import io.multitune.testing.kafka.TestBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A sampler killed in the middle of a job continues it after a restart: every batch is on the topic exactly once,
 * in order, and the stream is the same as that of an identical run that was never interrupted.
 */
class SamplerRestartIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    void aKilledSamplerResumesEveryJobWithoutLossOrDuplication() throws Exception {
        Path log = Files.createDirectories(Path.of("target")).resolve("sampler-restart-it.log");
        try (TestBroker broker = TestBroker.startDedicated();
             KafkaTestClient kafka = broker.client()) {
            String bootstrap = broker.bootstrapServers();
            String task = "restart-" + UUID.randomUUID().toString().substring(0, 6);
            SamplerTestData.dataset(kafka, task, task, 300);
            RunPlanned crashed;
            List<TrainingBatch> beforeKill;
            try (SamplerProcess sampler = SamplerProcess.start(bootstrap, log).awaitReady(TIMEOUT)) {
                crashed = plan(kafka, task + "-crashed", task);
                try (TrainerStandIn trainer = new TrainerStandIn(bootstrap, kafka, crashed.runId(),
                        crashed.jobs().get(0).jobId())) {
                    beforeKill = new ArrayList<>(trainer.readUntilIdle(Duration.ofSeconds(2), TIMEOUT));
                    trainer.acknowledge(beforeKill.get(beforeKill.size() - 1).sequence());
                    beforeKill.addAll(trainer.readUntilIdle(Duration.ofSeconds(2), TIMEOUT));
                    // Acknowledge only part of what was published: the restarted sampler must neither repeat the
                    // unacknowledged batches already on the topic nor skip any.
                    trainer.acknowledge(beforeKill.get(beforeKill.size() - 3).sequence());
                    Thread.sleep(1000);
                }
                sampler.kill();
            }
            assertTrue(beforeKill.size() > 4 && beforeKill.size() < 40, "killed mid-job: " + beforeKill.size());

            try (SamplerProcess sampler = SamplerProcess.start(bootstrap, log).awaitReady(TIMEOUT)) {
                String jobId = crashed.jobs().get(0).jobId();
                try (TrainerStandIn trainer = new TrainerStandIn(bootstrap, kafka, crashed.runId(), jobId)) {
                    List<TrainingBatch> all = trainer.readAllAcknowledging(TIMEOUT);
                    for (int i = 0; i < all.size(); i++) {
                        assertEquals(i, all.get(i).sequence(), "batch " + i + " is on the topic exactly once");
                    }
                    RunPlanned uninterrupted = plan(kafka, task + "-whole", task);
                    try (TrainerStandIn other = new TrainerStandIn(bootstrap, kafka, uninterrupted.runId(),
                            uninterrupted.jobs().get(0).jobId())) {
                        List<TrainingBatch> reference = other.readAllAcknowledging(TIMEOUT);
                        assertEquals(ids(reference), ids(all), "same stream as a run that never crashed");
                    }
                }
            }
        }
    }

    private static RunPlanned plan(KafkaTestClient kafka, String runId, String task) {
        RunRequest request = new RunRequest(1, runId, List.of(RunRequest.TaskRef.of(task)), null, null, null,
                new RunRequest.Sampling("proportional", null, null, null, null, null, 6), 8,
                new RunRequest.Budget(40L, null), new RunRequest.Validation(10L, 8, null, null), 11L, false, null,
                Instant.now());
        kafka.produce(SamplerTestData.event(Topics.RUNS, runId, request));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : kafka.consumeUntilIdle(Topics.RUNS, Duration.ofMillis(500),
                    Duration.ofSeconds(5))) {
                if (runId.equals(r.key()) && "io.multitune.run.planned".equals(
                        CloudEventHeaders.lastValue(r.headers(), CloudEventHeaders.CE_TYPE))) {
                    return EventCodec.INSTANCE.decode(r.value(), RunPlanned.class);
                }
            }
        }
        throw new AssertionError("run " + runId + " was not planned");
    }

    private static List<List<String>> ids(List<TrainingBatch> batches) {
        return batches.stream().map(b -> b.examples().stream().map(StandardExample::id).toList()).toList();
    }
}
