package io.multitune.evaluator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.EvaluationFailed;
import io.multitune.events.EventCodec;
import io.multitune.events.ModelEvaluated;
import io.multitune.events.ModelTrained;
import io.multitune.events.PipelineEvent;
import io.multitune.events.RunCompleted;
import io.multitune.events.RunEvaluated;
import io.multitune.events.RunFailed;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunPlanned.JobPlan;
import io.multitune.events.RunRejected;
import io.multitune.events.RunRequest;
import io.multitune.events.Topics;
import io.multitune.testing.kafka.KafkaBrokerResource;
import io.multitune.testing.kafka.KafkaTestClient;
import io.multitune.training.artifacts.JobArtifacts;
import io.multitune.training.checkpoint.DurableFiles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The evaluator against a real broker and real ONNX models: the test plays the sampler (plans), data-ingest (the
 * test split) and the trainer (model files, progress and model-trained events) and reads what the evaluator says on
 * the evaluations topic and its HTTP endpoints.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
class EvaluatorPipelineTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    EvaluatorConfig config;

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

    private void publish(RunPlanned plan, int testExamplesPerTask) {
        EvaluatorTestData.examples(plan.runId(), testExamplesPerTask)
                .forEach(e -> kafka.produce(EvaluatorTestData.example(Topics.EXAMPLES, e)));
        kafka.produce(EvaluatorTestData.record(Topics.RUNS, plan));
        for (JobPlan job : plan.jobs()) {
            EvaluatorTestData.progress(plan, job).forEach(p -> kafka.produce(EvaluatorTestData.record(
                    Topics.TRAINING, p)));
        }
    }

    /** The run's evaluation events, once one matches {@code until}. */
    private List<PipelineEvent> evaluationsUntil(String runId, Predicate<List<PipelineEvent>> until) {
        return eventsUntil(Topics.EVALUATIONS, runId, until);
    }

    /** The run's one end event on the runs topic, once there. */
    private PipelineEvent runEnd(String runId) {
        List<PipelineEvent> ends = eventsUntil(Topics.RUNS, runId, e -> !of(e, RunCompleted.class).isEmpty()
                || !of(e, RunFailed.class).isEmpty()).stream()
                .filter(e -> e instanceof RunCompleted || e instanceof RunFailed).toList();
        assertEquals(1, ends.size(), ends::toString);
        return ends.get(0);
    }

    private List<PipelineEvent> eventsUntil(String topic, String runId, Predicate<List<PipelineEvent>> until) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        List<PipelineEvent> events = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            events.clear();
            for (ConsumerRecord<String, byte[]> r : kafka.consumeUntilIdle(topic, Duration.ofMillis(500),
                    Duration.ofSeconds(5))) {
                if (runId.equals(r.key())) {
                    events.add(EventCodec.INSTANCE.decode(r.headers(), r.value()));
                }
            }
            if (until.test(events)) {
                return events;
            }
        }
        throw new AssertionError("run " + runId + ": " + topic + " events not complete within " + TIMEOUT + ": "
                + events);
    }

    private static <T> List<T> of(List<PipelineEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static boolean judged(List<PipelineEvent> events) {
        return !of(events, RunEvaluated.class).isEmpty();
    }

    @Test
    void aRunWithBaselinesIsScoredComparedJudgedAndReported() throws Exception {
        String runId = runId("full");
        RunPlanned plan = EvaluatorTestData.plan(runId, new RunRequest.EvaluationGate(-100.0, 100.0, 0.05, 0.0,
                Map.of("pos", "token-accuracy", "sentiment", "mse"), Map.of("sentiment", 2.0)));
        publish(plan, 24);
        for (int i = 0; i < plan.jobs().size(); i++) {
            ModelTrained trained = EvaluatorTestData.writeModel(config.artifactRoot(), plan, plan.jobs().get(i),
                    100 + i);
            kafka.produce(EvaluatorTestData.record(Topics.TRAINING, trained));
        }

        List<PipelineEvent> events = evaluationsUntil(runId, EvaluatorPipelineTest::judged);
        List<ModelEvaluated> models = of(events, ModelEvaluated.class);
        assertEquals(3, models.size(), events::toString);
        ModelEvaluated mtl = models.stream().filter(m -> m.jobId().equals(runId + ".mtl")).findFirst().orElseThrow();
        assertEquals("CPU", mtl.executionProvider());
        assertEquals(24, mtl.tasks().get("sentiment").examples(), "test split only, the train example left out");
        assertEquals("accuracy", mtl.tasks().get("sentiment").primaryMetric(), "mse does not apply: the default");
        assertEquals("token-accuracy", mtl.tasks().get("pos").primaryMetric(), "the run's configured primary metric");
        assertEquals(2, mtl.tasks().get("sentiment").perClass().size());
        assertTrue(mtl.tasks().get("pos").metrics().containsKey("token-accuracy"));
        double expectedUnified = (2 * mtl.tasks().get("sentiment").unitScore() + mtl.tasks().get("pos").unitScore())
                / 3;
        assertEquals(expectedUnified, mtl.unifiedScore(), 1e-9, "weights 2:1 from the run request");

        RunEvaluated run = of(events, RunEvaluated.class).get(0);
        assertEquals(runId + ".mtl", run.multiTaskJobId());
        assertEquals(List.of(), run.missingBaselines());
        assertTrue(run.notes().stream().anyMatch(n -> n.contains("'mse' does not apply")), run.notes()::toString);
        assertEquals(List.of("sentiment", "pos"), run.tasks().stream().map(RunEvaluated.TaskOutcome::taskId)
                .toList());
        RunEvaluated.TaskOutcome sentiment = run.tasks().get(0);
        assertNotNull(sentiment.stl());
        assertNotNull(sentiment.mcnemar(), "classification gets McNemar's test");
        assertTrue(sentiment.ciLower() <= sentiment.difference() + 1e-12
                && sentiment.difference() <= sentiment.ciUpper() + 1e-12, sentiment::toString);
        assertNull(run.tasks().get(1).mcnemar(), "tagging does not");
        assertNotNull(run.deltaMPercent());
        assertTrue(run.verdict().pass(), run.verdict()::toString);
        assertTrue(run.verdict().checks().stream().anyMatch(c -> c.name().equals("delta-m")));
        assertTrue(run.verdict().checks().stream().anyMatch(c -> c.name().equals("unified-score")));
        assertEquals(2, run.review().size());
        assertTrue(run.review().get(0).errors().size() <= 5);

        // The report: on disk where the event says, with the hash it gives, and served over HTTP.
        Path report = JobArtifacts.resolve(config.artifactRoot(), run.report().path());
        assertEquals(run.report().sha256(), DurableFiles.sha256(report));
        given().when().get("/runs/" + runId + "/report").then().statusCode(200)
                .body(containsString("chart-mtl-vs-baseline"), containsString("chart-conflict-matrix"));
        given().when().get("/runs/" + runId + "/evaluation").then().statusCode(200)
                .body(containsString(runId + ".mtl"));
        given().when().get("/runs/no-such-run/report").then().statusCode(404)
                .body(containsString("no report yet"));

        // The test plays the bias auditor; the run then ends with both verdicts and one report holding both.
        assertEquals(List.of(), eventsUntil(Topics.RUNS, runId, e -> true).stream()
                .filter(e -> e instanceof RunCompleted).toList(), "no end before the bias audit");
        kafka.produce(EvaluatorTestData.record(Topics.AUDITS, EvaluatorTestData.audited(plan, false)));
        RunCompleted completed = (RunCompleted) runEnd(runId);
        assertFalse(completed.pass(), "the bias gate failed");
        assertTrue(completed.evaluationVerdict().pass());
        assertEquals(List.of("bias: flip rate of pos 0.2 > 0.05"), completed.reasons());
        assertEquals(run.deltaMPercent(), completed.deltaMPercent());
        assertEquals(3, completed.jobs().size());
        assertTrue(completed.jobs().stream().allMatch(j -> j.evaluated() && j.trainedSteps() != null),
                completed.jobs()::toString);
        assertEquals(run.report(), completed.evaluationReport());
        Path runReport = JobArtifacts.resolve(config.artifactRoot(), completed.report().path());
        assertEquals(completed.report().sha256(), DurableFiles.sha256(runReport));
        given().when().get("/runs/" + runId + "/run-report").then().statusCode(200)
                .body(containsString("chart-mtl-vs-baseline"), containsString("class=\"bias-audit\""));
        given().when().get("/runs/" + runId + "/outcome").then().statusCode(200)
                .body(containsString("flip rate of pos"));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("multitune_evaluator_models_evaluated_total"),
                        containsString("multitune_evaluator_runs_judged_total"),
                        containsString("multitune_runs_ended_total{outcome=\"completed\""));
    }

    @Test
    void badModelFilesFailTheirEvaluationAndAMissingBaselineTimesOut() throws Exception {
        String runId = runId("faults");
        RunPlanned plan = EvaluatorTestData.plan(runId, null);
        publish(plan, 8);
        JobPlan mtlJob = plan.jobs().get(0);
        JobPlan sentimentJob = plan.jobs().get(1);
        ModelTrained mtl = EvaluatorTestData.writeModel(config.artifactRoot(), plan, mtlJob, 1);
        kafka.produce(EvaluatorTestData.record(Topics.TRAINING, mtl));
        // The sentiment baseline's event names a hash its file does not have.
        ModelTrained sentiment = EvaluatorTestData.writeModel(config.artifactRoot(), plan, sentimentJob, 2);
        ModelTrained.Artifact real = sentiment.artifact("model").orElseThrow();
        kafka.produce(EvaluatorTestData.record(Topics.TRAINING, EvaluatorTestData.trained(plan, sentimentJob,
                new ModelTrained.Artifact("model", real.path(), "0".repeat(64), real.bytes()))));
        // A model-trained event of another run whose file is not there at all.
        RunPlanned other = EvaluatorTestData.plan(runId("missing"), null);
        kafka.produce(EvaluatorTestData.record(Topics.RUNS, other));
        kafka.produce(EvaluatorTestData.record(Topics.TRAINING, EvaluatorTestData.trained(other, other.jobs().get(0),
                new ModelTrained.Artifact("model", "runs/nowhere/model.onnx", "1".repeat(64), 10))));
        // The pos baseline never comes.

        List<PipelineEvent> events = evaluationsUntil(runId, EvaluatorPipelineTest::judged);
        EvaluationFailed failed = of(events, EvaluationFailed.class).get(0);
        assertEquals(sentimentJob.jobId(), failed.jobId());
        assertEquals(EvaluationFailed.Problem.MODEL_HASH_MISMATCH, failed.problem());
        assertEquals(real.path(), failed.field());
        assertTrue(failed.reason().contains("SHA-256"), failed.reason());

        RunEvaluated run = of(events, RunEvaluated.class).get(0);
        assertEquals(List.of("sentiment", "pos"), run.missingBaselines());
        assertNull(run.deltaMPercent());
        assertNull(run.tasks().get(0).stl());
        assertFalse(run.verdict().pass());
        assertTrue(run.verdict().reasons().stream().anyMatch(r -> r.contains("SHA-256")), run.verdict()::toString);
        assertTrue(run.notes().stream().anyMatch(n -> n.contains("did not deliver a model within")),
                run.notes()::toString);

        List<PipelineEvent> otherEvents = evaluationsUntil(other.runId(),
                e -> !of(e, EvaluationFailed.class).isEmpty());
        EvaluationFailed missing = of(otherEvents, EvaluationFailed.class).get(0);
        assertEquals(EvaluationFailed.Problem.MODEL_MISSING, missing.problem());
        assertTrue(missing.reason().contains("does not exist"), missing.reason());
        RunFailed otherEnd = (RunFailed) runEnd(other.runId());
        assertEquals(RunFailed.Stage.EVALUATION, otherEnd.stage(), "its multi-task model cannot be evaluated");
        assertEquals(missing.reason(), otherEnd.reason());

        // A rejected request ends as failed at the request, with the sampler's problems.
        String rejected = runId("rejected");
        kafka.produce(EvaluatorTestData.record(Topics.RUNS, new RunRejected(1, rejected, List.of(
                new RunRejected.Problem("tasks[0]", RunRejected.Reason.UNKNOWN_TASK, "no dataset has task 'zz'")),
                java.time.Instant.now())));
        RunFailed rejectedEnd = (RunFailed) runEnd(rejected);
        assertEquals(RunFailed.Stage.REQUEST, rejectedEnd.stage());
        assertTrue(rejectedEnd.reason().contains("tasks[0]: no dataset has task 'zz'"), rejectedEnd.reason());
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
