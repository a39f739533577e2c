package io.multitune.trainer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.BatchesAcknowledged;
import io.multitune.events.EventCodec;
import io.multitune.events.ModelTrained;
import io.multitune.events.PipelineEvent;
import io.multitune.events.RunPlanned;
import io.multitune.events.TaskType;
import io.multitune.events.Topics;
import io.multitune.events.TrainingBatch;
import io.multitune.events.TrainingEnded;
import io.multitune.events.TrainingProgress;
import io.multitune.events.TrainingStarted;
import io.multitune.events.ValidationReported;
import io.multitune.testing.kafka.KafkaBrokerResource;
import io.multitune.testing.kafka.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The trainer against a real broker and the real MiniLM: the test plays the sampler (plans on the runs topic,
 * batch streams on the batches topic) and reads what the trainer says on the training topic.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
class TrainerPipelineTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    TrainerConfig config;

    private KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(String.valueOf(kafkaConfig.get("bootstrap.servers")));
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    private static String runId(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Every training event of a job, until (and including) its end. */
    private List<PipelineEvent> untilEnded(String jobId) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        List<PipelineEvent> events = new ArrayList<>();
        int seen = 0;
        while (System.nanoTime() < deadline) {
            List<ConsumerRecord<String, byte[]>> records = kafka.consumeUntilIdle(Topics.TRAINING,
                    Duration.ofMillis(500), Duration.ofSeconds(5));
            events.clear();
            for (ConsumerRecord<String, byte[]> r : records) {
                if (jobId.equals(r.key())) {
                    events.add(EventCodec.INSTANCE.decode(r.headers(), r.value()));
                }
            }
            if (events.stream().anyMatch(e -> e instanceof TrainingEnded)) {
                return events;
            }
            seen = events.size();
        }
        throw new AssertionError("job " + jobId + " did not end in " + TIMEOUT + " (" + seen + " events)");
    }

    private static <T> List<T> of(List<PipelineEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private void start(RunPlanned plan, List<ProducerRecord<String, byte[]>> batches) {
        kafka.produce(TrainerTestData.record(Topics.RUNS, plan));
        kafka.produceAll(batches);
    }

    @Test
    void aTwoTaskJobTrainsToTheEndAndWritesItsModel() throws Exception {
        RunPlanned plan = TrainerTestData.plan(runId("two-task"), null, 6, TrainerTestData.sentiment(),
                TrainerTestData.pos());
        String jobId = plan.jobs().get(0).jobId();
        start(plan, TrainerTestData.stream(plan));

        List<PipelineEvent> events = untilEnded(jobId);
        TrainingEnded ended = of(events, TrainingEnded.class).get(0);
        assertEquals(TrainingEnded.Outcome.COMPLETED, ended.outcome(), ended.message());
        assertEquals(6, ended.step());
        TrainingStarted started = of(events, TrainingStarted.class).get(0);
        assertEquals(0, started.resumedFromStep());
        assertEquals(6, started.totalSteps());
        // Every batch (6 TRAIN + 2 VALIDATION) acknowledged, in order.
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L),
                of(events, BatchesAcknowledged.class).stream().map(BatchesAcknowledged::sequence).toList());
        ValidationReported validation = of(events, ValidationReported.class).get(0);
        assertEquals(1, validation.round());
        assertEquals(List.of("pos", "sentiment"), validation.tasks().keySet().stream().sorted().toList());
        assertEquals(8, validation.tasks().get("sentiment").examples() + validation.tasks().get("pos").examples());
        // Progress every 2 steps in tests, with the gradient conflict measured every 2 steps.
        List<TrainingProgress> progress = of(events, TrainingProgress.class);
        assertEquals(List.of(2L, 4L, 6L), progress.stream().map(TrainingProgress::step).toList());
        TrainingProgress last = progress.get(2);
        assertEquals(6, last.totalSteps());
        assertEquals(List.of("sentiment", "pos"), last.taskIds());
        assertEquals(2, last.conflictCosines().size());
        assertEquals(1.0, last.conflictCosines().get(0).get(0), 1e-4);
        assertEquals(last.conflictCosines().get(0).get(1), last.conflictCosines().get(1).get(0), 1e-6);
        assertTrue(Math.abs(last.conflictCosines().get(0).get(1)) <= 1.0);
        assertEquals(java.util.Set.of("sentiment", "pos"), last.taskLoss().keySet());
        assertEquals(java.util.Set.of("sentiment", "pos"), last.taskWeight().keySet());
        assertTrue(last.learningRate() > 0 && last.stepSeconds() > 0 && last.samplesPerSecond() > 0);

        ModelTrained model = of(events, ModelTrained.class).get(0);
        assertEquals(List.of("sentiment", "pos"), model.taskIds());
        assertEquals(6, model.steps());
        assertEquals(validation.tasks(), model.metrics());
        for (ModelTrained.Artifact artifact : model.artifacts()) {
            Path file = config.artifactRoot().resolve(artifact.path());
            byte[] bytes = Files.readAllBytes(file);
            assertEquals(artifact.bytes(), bytes.length, artifact.path());
            assertEquals(artifact.sha256(), HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(bytes)), artifact.path());
        }
        assertTrue(model.artifact("model").isPresent());
    }

    @Test
    void aMalformedBatchFailsItsJobAndTheNextJobStillTrains() {
        RunPlanned broken = TrainerTestData.plan(runId("malformed"), null, 3, TrainerTestData.sentiment());
        String brokenJob = broken.jobs().get(0).jobId();
        List<ProducerRecord<String, byte[]>> stream = new ArrayList<>(TrainerTestData.stream(broken));
        // Batch 1 names a label the task's head does not have.
        TrainingBatch good = TrainerTestData.batches(broken).get(1);
        var row = good.examples().get(0);
        var bad = new io.multitune.events.StandardExample(1, row.id(), row.datasetId(), row.taskId(), row.taskType(),
                row.split(), row.input(), io.multitune.events.ExampleTarget.label("sarcastic"), null, null, "en",
                null, null);
        stream.set(1, TrainerTestData.record(Topics.BATCHES, new TrainingBatch(1, good.runId(), good.jobId(),
                good.sequence(), good.kind(), good.step(), good.validationRound(), good.last(), List.of(bad))));
        start(broken, stream);

        RunPlanned next = TrainerTestData.plan(runId("after-malformed"), null, 2, TrainerTestData.sentiment());
        start(next, TrainerTestData.stream(next));

        TrainingEnded failed = of(untilEnded(brokenJob), TrainingEnded.class).get(0);
        assertEquals(TrainingEnded.Outcome.FAILED, failed.outcome());
        assertTrue(failed.message().contains("batch 1 is malformed"), failed.message());
        assertTrue(failed.message().contains("sarcastic"), failed.message());
        assertEquals(1, failed.step());
        TrainingEnded completed = of(untilEnded(next.jobs().get(0).jobId()), TrainingEnded.class).get(0);
        assertEquals(TrainingEnded.Outcome.COMPLETED, completed.outcome(), completed.message());
    }

    @Test
    void jobsThatCannotBeBuiltFailWithTheirReason() {
        RunPlanned missingModel = TrainerTestData.plan(runId("no-model"), "/nowhere/model.onnx", 2,
                TrainerTestData.sentiment());
        start(missingModel, List.of());
        TrainingEnded noModel = of(untilEnded(missingModel.jobs().get(0).jobId()), TrainingEnded.class).get(0);
        assertEquals(TrainingEnded.Outcome.FAILED, noModel.outcome());
        assertTrue(noModel.message().contains("baseModel '/nowhere/model.onnx'"), noModel.message());

        RunPlanned.TaskPlan summarise = new RunPlanned.TaskPlan("summaries", TaskType.TEXT_TO_TEXT,
                List.of("summaries-data"), List.of(), 1.0, 4, 4, 1.0, 2);
        RunPlanned textToText = TrainerTestData.plan(runId("t2t"), null, 2, summarise);
        start(textToText, List.of());
        TrainingEnded t2t = of(untilEnded(textToText.jobs().get(0).jobId()), TrainingEnded.class).get(0);
        assertEquals(TrainingEnded.Outcome.FAILED, t2t.outcome());
        assertTrue(t2t.message().contains("summaries"), t2t.message());
    }

    @Test
    void aJobTheSamplerEndsFailsWithTheSamplersReason() {
        RunPlanned plan = TrainerTestData.plan(runId("sampler-ended"), null, 4, TrainerTestData.sentiment());
        String jobId = plan.jobs().get(0).jobId();
        start(plan, TrainerTestData.stream(plan).subList(0, 2));
        kafka.produce(TrainerTestData.record(Topics.TRAINING, new TrainingEnded(1, plan.runId(), jobId,
                TrainingEnded.Outcome.FAILED, 0, "the pool changed since the run was planned", Instant.now())));
        List<TrainingEnded> ends = of(untilEnded(jobId), TrainingEnded.class);
        // The sampler's own end, then the trainer's.
        TrainingEnded trainers = untilTrainerEnd(jobId);
        assertEquals(TrainingEnded.Outcome.FAILED, trainers.outcome());
        assertTrue(trainers.message().contains("the pool changed"), trainers.message());
        assertNotNull(ends);
    }

    private TrainingEnded untilTrainerEnd(String jobId) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : kafka.consumeUntilIdle(Topics.TRAINING, Duration.ofMillis(500),
                    Duration.ofSeconds(5))) {
                if (jobId.equals(r.key()) && "/multitune/trainer".equals(KafkaTestClient.header(r, "ce_source"))
                        && EventCodec.INSTANCE.decode(r.headers(), r.value()) instanceof TrainingEnded e) {
                    return e;
                }
            }
        }
        throw new AssertionError("the trainer did not end job " + jobId);
    }

    @Test
    void readinessAndDomainMetrics() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body(containsString("\"baseModelLoaded\": true"));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("multitune_trainer_jobs_active"))
                .body(containsString("multitune_trainer_step_time_seconds"));
    }
}
