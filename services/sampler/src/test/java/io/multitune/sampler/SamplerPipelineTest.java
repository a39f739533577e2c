package io.multitune.sampler;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.CloudEventHeaders;
import io.multitune.events.EventCodec;
import io.multitune.events.PipelineEvent;
import io.multitune.events.RunFailed;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunRejected;
import io.multitune.events.RunRequest;
import io.multitune.events.StandardExample;
import io.multitune.events.Topics;
import io.multitune.events.TrainingBatch;
import io.multitune.events.TrainingEnded;
import io.multitune.testing.kafka.KafkaBrokerResource;
import io.multitune.testing.kafka.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sampler against a real broker: requests in, plans, rejections and windowed batch streams out. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
class SamplerPipelineTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(bootstrap());
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    private String bootstrap() {
        return String.valueOf(kafkaConfig.get("bootstrap.servers"));
    }

    private static String id(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static RunRequest request(String runId, List<String> tasks, Integer batchSize, RunRequest.Budget budget,
                                      Boolean baselines) {
        return new RunRequest(1, runId, tasks.stream().map(RunRequest.TaskRef::of).toList(), null, null, null,
                new RunRequest.Sampling("proportional", null, null, null, null, null, 4), batchSize, budget,
                new RunRequest.Validation(5L, 8, null, null), 7L, baselines, null, Instant.now());
    }

    private void submit(RunRequest request) {
        kafka.produce(SamplerTestData.event(Topics.RUNS, request.runId(), request));
    }

    /** The first plan or rejection of a run on the runs topic. */
    private PipelineEvent answer(String runId) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : kafka.consumeUntilIdle(Topics.RUNS, Duration.ofMillis(500),
                    Duration.ofSeconds(5))) {
                String type = CloudEventHeaders.lastValue(r.headers(), CloudEventHeaders.CE_TYPE);
                if (runId.equals(r.key()) && type != null && !type.endsWith("run.requested")) {
                    return EventCodec.INSTANCE.decode(r.headers(), r.value());
                }
            }
        }
        throw new AssertionError("no answer to run " + runId + " within " + TIMEOUT);
    }

    @Test
    void plansMultiTaskAndBaselineJobsAndStreamsEveryBatchWithinTheWindow() {
        String a = id("reviews");
        String b = id("news");
        List<StandardExample> aExamples = SamplerTestData.dataset(kafka, a, a + "-task", 200);
        SamplerTestData.dataset(kafka, b, b + "-task", 50);
        String runId = id("run");
        submit(request(runId, List.of(a + "-task", b), 8, new RunRequest.Budget(20L, null), true));

        RunPlanned plan = (RunPlanned) answer(runId);
        assertEquals(3, plan.jobs().size());
        RunPlanned.JobPlan mtl = plan.jobs().get(0);
        assertEquals(RunPlanned.JobKind.MULTI_TASK, mtl.kind());
        assertEquals(20, mtl.steps());
        RunPlanned.TaskPlan aTask = mtl.tasks().get(0);
        assertEquals(180, aTask.poolExamples());
        assertEquals(0.8, aTask.proportion(), 1e-9, "proportional: 180 of 225 training examples");
        assertEquals(List.of("neg", "pos"), aTask.labels());
        RunPlanned.JobPlan baseline = plan.jobs().get(1);
        assertEquals(RunPlanned.JobKind.BASELINE, baseline.kind());
        assertEquals(aTask.plannedExamples(), baseline.tasks().get(0).plannedExamples(),
                "a baseline trains on the multi-task job's budget of its task");

        try (TrainerStandIn trainer = new TrainerStandIn(bootstrap(), kafka, runId, mtl.jobId())) {
            List<TrainingBatch> first = trainer.readUntilIdle(Duration.ofSeconds(2), TIMEOUT);
            assertEquals(4, first.size(), "without acknowledgements the sampler stops at its window of 4 batches");
            trainer.acknowledge(first.get(first.size() - 1).sequence());
            List<TrainingBatch> rest = trainer.readAllAcknowledging(TIMEOUT);
            List<TrainingBatch> all = new java.util.ArrayList<>(first);
            all.addAll(rest);
            for (int i = 0; i < all.size(); i++) {
                assertEquals(i, all.get(i).sequence(), "sequences have no gap and no repeat");
            }
            List<TrainingBatch> train = all.stream().filter(t -> t.kind() == TrainingBatch.Kind.TRAIN).toList();
            assertEquals(20, train.size());
            assertTrue(train.stream().allMatch(t -> t.examples().size() == 8));
            long validationRounds = all.stream().filter(t -> t.kind() == TrainingBatch.Kind.VALIDATION)
                    .map(TrainingBatch::validationRound).distinct().count();
            assertEquals(mtl.validationRounds(), validationRounds);
            assertEquals(4, validationRounds, "after steps 5, 10, 15 and 20");
            Set<String> aIds = aExamples.stream().map(StandardExample::id).collect(Collectors.toSet());
            long fromA = train.stream().flatMap(t -> t.examples().stream()).filter(e -> aIds.contains(e.id())).count();
            assertEquals(aTask.plannedExamples(), fromA);
            StandardExample carried = train.get(0).examples().get(0);
            assertTrue(carried.input().text().startsWith("text number"), "batches carry whole examples");
        }
    }

    @Test
    void aRunThatFailsStopsItsJobsAndAnnouncesTheirEndToTheTrainer() {
        String a = id("ended");
        SamplerTestData.dataset(kafka, a, a + "-task", 60);
        String runId = id("run");
        submit(request(runId, List.of(a + "-task"), 8, new RunRequest.Budget(40L, null), true));
        RunPlanned plan = (RunPlanned) answer(runId);
        RunPlanned.JobPlan mtl = plan.jobs().get(0);
        try (TrainerStandIn trainer = new TrainerStandIn(bootstrap(), kafka, runId, mtl.jobId())) {
            List<TrainingBatch> first = trainer.readUntilIdle(Duration.ofSeconds(2), TIMEOUT);
            assertEquals(4, first.size(), "the window, then the sampler waits for acknowledgements");
            // The run's end event, as the evaluator sends it when the multi-task job's trainer died.
            kafka.produce(SamplerTestData.event(Topics.RUNS, runId, new RunFailed(1, runId,
                    RunFailed.Stage.TRAINING, mtl.jobId(), "no training event for 30m", null, Instant.now())));

            Map<String, TrainingEnded> ends = new java.util.HashMap<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (ends.size() < plan.jobs().size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : kafka.consumeUntilIdle(Topics.TRAINING,
                        Duration.ofMillis(500), Duration.ofSeconds(5))) {
                    if (EventCodec.INSTANCE.decode(r.headers(), r.value()) instanceof TrainingEnded e
                            && e.runId().equals(runId)) {
                        ends.put(e.jobId(), e);
                    }
                }
            }
            assertEquals(plan.jobs().stream().map(RunPlanned.JobPlan::jobId).collect(Collectors.toSet()),
                    ends.keySet(), "every job of the run is ended for the trainer");
            TrainingEnded mtlEnd = ends.get(mtl.jobId());
            assertEquals(TrainingEnded.Outcome.FAILED, mtlEnd.outcome());
            assertTrue(mtlEnd.message().contains("has failed at TRAINING: no training event for 30m"),
                    mtlEnd.message());

            trainer.acknowledge(first.get(first.size() - 1).sequence());
            assertEquals(List.of(), trainer.readUntilIdle(Duration.ofSeconds(3), TIMEOUT),
                    "no batch after the run's end, even once the window opens");
        }
    }

    @Test
    void dynamicMixingRaisesTheShareOfALaggingTaskFromAFixedStep() {
        String a = id("lagging");
        String b = id("learning");
        Set<String> aIds = SamplerTestData.dataset(kafka, a, a, 200).stream().map(StandardExample::id)
                .collect(Collectors.toSet());
        SamplerTestData.dataset(kafka, b, b, 200);
        String runId = id("dynamic-run");
        submit(new RunRequest(1, runId, List.of(RunRequest.TaskRef.of(a), RunRequest.TaskRef.of(b)), null, null,
                null, new RunRequest.Sampling("dynamic", 1.0, null, null, null, new RunRequest.Dynamic(5.0, 1.6), 2),
                10, new RunRequest.Budget(30L, null), new RunRequest.Validation(5L, 8, null, null), 3L, false, null,
                Instant.now()));
        RunPlanned plan = (RunPlanned) answer(runId);
        String jobId = plan.jobs().get(0).jobId();
        Set<Integer> reported = new HashSet<>();
        try (TrainerStandIn trainer = new TrainerStandIn(bootstrap(), kafka, runId, jobId)) {
            // Task a's validation loss stays put while b's halves every round: a lags and must get a larger share.
            List<TrainingBatch> all = trainer.readAllAcknowledging(TIMEOUT, batch -> {
                if (batch.kind() == TrainingBatch.Kind.VALIDATION && reported.add(batch.validationRound())) {
                    trainer.report(batch.validationRound(), batch.step(),
                            Map.of(a, 1.0, b, Math.pow(0.5, batch.validationRound())));
                }
            });
            double early = shareOf(aIds, all, 1, 12);
            double late = shareOf(aIds, all, 13, 30);
            assertEquals(0.5, early, 1e-9, "round 1 sets the reference losses; round 2 (step 10) applies "
                    + "from step 10 + window 2 + 1 = 13");
            assertTrue(late > 0.6, "the lagging task's share rose to " + late);
            assertTrue(late <= 0.8 + 1e-9, "and stays within maxFactor 1.6 of its base share: " + late);
        }
    }

    /** Share of task a's examples in the training batches of steps [from, to]. */
    private static double shareOf(Set<String> aIds, List<TrainingBatch> batches, long from, long to) {
        long total = 0;
        long fromA = 0;
        for (TrainingBatch batch : batches) {
            if (batch.kind() == TrainingBatch.Kind.TRAIN && batch.step() >= from && batch.step() <= to) {
                for (StandardExample e : batch.examples()) {
                    total++;
                    fromA += aIds.contains(e.id()) ? 1 : 0;
                }
            }
        }
        return (double) fromA / total;
    }

    @Test
    void rejectsARequestWithEveryProblemFieldByField() {
        String runId = id("bad-run");
        RunRequest bad = new RunRequest(1, runId, List.of(RunRequest.TaskRef.of("no-such-task")), null, null,
                new RunRequest.Weighting("loudest", null), null, 0, null, null, null, null, null, Instant.now());
        submit(bad);
        RunRejected rejected = (RunRejected) answer(runId);
        Map<String, RunRejected.Reason> byField = rejected.problems().stream()
                .collect(Collectors.toMap(RunRejected.Problem::field, RunRejected.Problem::reason, (x, y) -> x));
        assertEquals(RunRejected.Reason.UNKNOWN_TASK, byField.get("tasks[0]"));
        assertEquals(RunRejected.Reason.UNKNOWN_STRATEGY, byField.get("weighting.strategy"));
        assertEquals(RunRejected.Reason.BAD_PARAMETER, byField.get("batchSize"));
    }

    @Test
    void acceptsAPlainJsonRequestFromAnyProducer() {
        String d = id("plain");
        SamplerTestData.dataset(kafka, d, d, 40);
        String runId = id("plain-run");
        kafka.produce(Topics.RUNS, runId, "{\"tasks\": [\"" + d + "\"], \"budget\": {\"steps\": 3}, "
                + "\"baselines\": false}", Map.of());
        RunPlanned plan = (RunPlanned) answer(runId);
        assertEquals(1, plan.jobs().size());
        assertEquals(3, plan.jobs().get(0).steps());
        assertEquals(16, plan.request().batchSize(), "defaults filled in");
    }

    @Test
    void waitsForADatasetStillBeingIngestedThenPlans() throws InterruptedException {
        String d = id("late");
        SamplerTestData.register(kafka, d, d);
        List<StandardExample> examples = SamplerTestData.examples(kafka, d, d, 30);
        String runId = id("waiting-run");
        submit(request(runId, List.of(d), 4, new RunRequest.Budget(2L, null), false));
        awaitWaitingRuns();
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("multitune_sampler_runs_waiting"));
        SamplerTestData.profile(kafka, d, d, examples);
        assertEquals(RunPlanned.class, answer(runId).getClass());
    }

    /** Until the sampler has taken the request in and holds it waiting (instead of a fixed sleep). */
    private static void awaitWaitingRuns() throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!given().when().get("/q/metrics").asString().lines()
                .anyMatch(l -> l.startsWith("multitune_sampler_runs_waiting ") && !l.endsWith(" 0.0"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the request never showed as waiting");
            }
            Thread.sleep(100);
        }
    }

    @Test
    void rejectsARequestWhoseDatasetNeverFinishesIngesting() {
        String d = id("never");
        SamplerTestData.register(kafka, d, d);
        String runId = id("timeout-run");
        submit(request(runId, List.of(d), 4, new RunRequest.Budget(2L, null), false));
        RunRejected rejected = (RunRejected) answer(runId);
        assertEquals(RunRejected.Reason.PROFILE_TIMEOUT, rejected.problems().get(0).reason());
        assertTrue(rejected.problems().get(0).message().contains(d), rejected.problems().toString());
    }

    @Test
    void rejectsASecondRequestWithAnAnsweredRunId() {
        String d = id("dup");
        SamplerTestData.dataset(kafka, d, d, 20);
        String runId = id("dup-run");
        submit(request(runId, List.of(d), 4, new RunRequest.Budget(1L, null), false));
        assertEquals(RunPlanned.class, answer(runId).getClass());
        submit(request(runId, List.of(d), 4, new RunRequest.Budget(1L, null), false));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Set<String> types = new HashSet<>();
        while (!types.contains("io.multitune.run.rejected") && System.nanoTime() < deadline) {
            kafka.consumeUntilIdle(Topics.RUNS, Duration.ofMillis(500), Duration.ofSeconds(5)).stream()
                    .filter(r -> runId.equals(r.key()))
                    .forEach(r -> types.add(CloudEventHeaders.lastValue(r.headers(), CloudEventHeaders.CE_TYPE)));
        }
        assertTrue(types.contains("io.multitune.run.rejected"), types.toString());
    }

    @Test
    void readinessIsUpOnceStateIsRestored() {
        given().when().get("/q/health/ready").then().statusCode(200).body(containsString("live"));
    }
}
