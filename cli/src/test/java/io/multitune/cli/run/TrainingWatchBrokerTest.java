package io.multitune.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.cli.broker.LocalBroker;
import io.multitune.cli.common.KafkaSettings;
import io.multitune.cli.common.Processes;
import io.multitune.cli.common.TopicProvisioning;
import io.multitune.events.EventCodec;
import io.multitune.events.ModelTrained;
import io.multitune.events.PipelineEvent;
import io.multitune.events.RunPlanned;
import io.multitune.events.Topics;
import io.multitune.events.TrainingEnded;
import io.multitune.events.TrainingProgress;
import io.multitune.events.TrainingStarted;
import io.multitune.events.ValidationReported;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's training view against a real broker: trainer events in, one line per job out. */
class TrainingWatchBrokerTest {
    @TempDir
    Path dir;

    @Test
    void followsEveryJobUntilItEndsAndSaysHow() throws Exception {
        LocalBroker.Handle broker = LocalBroker.start(dir.resolve("broker"), Processes.freePort()).stopOnExit();
        try {
            KafkaSettings kafka = KafkaSettings.forBootstrap(broker.bootstrapServers());
            TopicProvisioning.ensureTopics(kafka);
            RunPlanned plan = withPlannedAt(PlanReportTest.plan(), Instant.now());
            Instant at = Instant.now();
            var accuracy = new ValidationReported.TaskResult(0.4, "accuracy", 0.875, 64, false);
            List<PipelineEvent> events = List.of(
                    new TrainingStarted(1, "run-1", "run-1-mtl", "replica-a", 0, 30, at),
                    new TrainingProgress(1, "run-1", "run-1-mtl", 10, 30, Map.of("sentiment", 0.61),
                            Map.of("sentiment", 1.0), 1e-4, 0.2, 80, 1.0, List.of("sentiment"), null, at),
                    new ValidationReported(1, "run-1", "run-1-mtl", 1, 30, Map.of("sentiment", accuracy), at),
                    new ModelTrained(1, "run-1", "run-1-mtl", RunPlanned.JobKind.MULTI_TASK, List.of("sentiment"),
                            30, TrainingEnded.Outcome.COMPLETED, List.of(new ModelTrained.Artifact("model",
                            "runs/run-1/run-1-mtl/model.onnx", "ab".repeat(32), 10)), Map.of("sentiment", accuracy),
                            at),
                    new TrainingEnded(1, "run-1", "run-1-mtl", TrainingEnded.Outcome.COMPLETED, 30, "done", at),
                    new TrainingEnded(1, "run-1", "run-1-sentiment", TrainingEnded.Outcome.FAILED, 3,
                            "batch 3 is malformed", at),
                    new TrainingStarted(1, "run-1", "run-1-pos", "replica-b", 0, 12, at));
            try (KafkaProducer<String, byte[]> trainer = new KafkaProducer<>(kafka.clientConfig(),
                    new StringSerializer(), new ByteArraySerializer())) {
                // Events of other jobs on every partition: the watch must still start at the plan's time there.
                for (int i = 0; i < 12; i++) {
                    PipelineEvent other = new TrainingStarted(1, "run-0", "other-job-" + i, "replica-z", 0, 5, at);
                    trainer.send(EventCodec.INSTANCE.record(Topics.TRAINING, other.subject(), other,
                            "/multitune/trainer")).get();
                }
                for (PipelineEvent e : events) {
                    trainer.send(EventCodec.INSTANCE.record(Topics.TRAINING, e.subject(), e, "/multitune/trainer"))
                            .get();
                }
            }
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            List<JobStatus> jobs;
            try (TrainingWatch watch = new TrainingWatch(kafka.clientConfig());
                 java.io.PrintWriter out = new java.io.PrintWriter(new PrintStream(printed, true,
                         StandardCharsets.UTF_8), true)) {
                jobs = watch.follow(plan, Duration.ofSeconds(5), out, false);
            }
            assertEquals(3, jobs.size());
            assertTrue(jobs.get(0).done());
            assertEquals("runs/run-1/run-1-mtl/model.onnx", jobs.get(0).model().artifact("model").orElseThrow()
                    .path());
            assertEquals(TrainingEnded.Outcome.FAILED, jobs.get(1).ended().outcome());
            assertFalse(jobs.get(2).done(), "run-1-pos never ended: the watch gives up at its timeout");
            String text = printed.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains("run-1-mtl") && text.contains("30/30  completed  sentiment accuracy 0.875"), text);
            assertTrue(text.contains("failed: batch 3 is malformed"), text);
            assertTrue(text.contains("run-1-pos"), text);
        } finally {
            broker.stop(Duration.ofSeconds(20));
        }
    }

    private static RunPlanned withPlannedAt(RunPlanned p, Instant at) {
        return new RunPlanned(p.schemaVersion(), p.runId(), p.request(), p.jobs(), at);
    }
}
