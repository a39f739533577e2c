package io.multitune.auditor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.AuditFailed;
import io.multitune.events.EvaluationFailed;
import io.multitune.events.EventCodec;
import io.multitune.events.ModelAudited;
import io.multitune.events.ModelTrained;
import io.multitune.events.PipelineEvent;
import io.multitune.events.RunAudited;
import io.multitune.events.RunPlanned;
import io.multitune.events.Topics;
import io.multitune.testing.kafka.KafkaBrokerResource;
import io.multitune.testing.kafka.KafkaTestClient;
import io.multitune.training.artifacts.JobArtifacts;
import io.multitune.training.checkpoint.DurableFiles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
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
 * The bias auditor against a real broker and real ONNX models: the test plays data-ingest (test examples that
 * mention gendered terms and carry a group attribute), the sampler (the plan) and the trainer (model files and
 * model-trained events), and reads what the auditor says on the audits topic and its HTTP endpoints.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
class AuditorPipelineTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    AuditorConfig config;

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

    private List<PipelineEvent> auditsUntil(String runId, Predicate<List<PipelineEvent>> until) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        List<PipelineEvent> events = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            events.clear();
            for (ConsumerRecord<String, byte[]> r : kafka.consumeUntilIdle(Topics.AUDITS, Duration.ofMillis(500),
                    Duration.ofSeconds(5))) {
                if (runId.equals(r.key())) {
                    events.add(EventCodec.INSTANCE.decode(r.headers(), r.value()));
                }
            }
            if (until.test(events)) {
                return events;
            }
        }
        throw new AssertionError("run " + runId + ": audits not complete within " + TIMEOUT + ": " + events);
    }

    private static <T> List<T> of(List<PipelineEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void aRunIsAuditedComparedWithItsBaselinesGatedAndReported() throws Exception {
        String runId = runId("audit");
        RunPlanned plan = AuditorTestData.plan(runId);
        AuditorTestData.examples(runId, 16).forEach(e -> kafka.produce(AuditorTestData.example(Topics.EXAMPLES, e)));
        kafka.produce(AuditorTestData.record(Topics.RUNS, plan));
        for (int i = 0; i < plan.jobs().size(); i++) {
            kafka.produce(AuditorTestData.record(Topics.TRAINING, AuditorTestData.writeModel(config.artifactRoot(),
                    plan, plan.jobs().get(i), 200 + i)));
        }

        List<PipelineEvent> events = auditsUntil(runId, e -> !of(e, RunAudited.class).isEmpty());
        List<ModelAudited> models = of(events, ModelAudited.class);
        assertEquals(4, models.size(), events::toString);
        ModelAudited mtl = models.stream().filter(m -> m.jobId().equals(runId + ".mtl")).findFirst().orElseThrow();
        assertEquals("CPU", mtl.executionProvider());
        ModelAudited.TaskAudit sentiment = mtl.tasks().get("sentiment");
        assertNotNull(sentiment.counterfactual(), "every sentiment test sentence mentions a gendered term");
        assertTrue(sentiment.counterfactual().sources() >= 16, sentiment.counterfactual()::toString);
        assertTrue(sentiment.counterfactual().figures().containsKey("counterfactual-flip-rate"));
        assertEquals("gender", sentiment.groups().get(0).attribute());
        assertEquals("TAG_FLIPS", mtl.tasks().get("pos").counterfactual().kind());
        assertEquals(List.of("qa"), mtl.notAudited().stream().map(ModelAudited.NotAudited::taskId).toList());

        RunAudited run = of(events, RunAudited.class).get(0);
        assertEquals(runId + ".mtl", run.multiTaskJobId());
        assertEquals(List.of(), run.missingBaselines());
        assertTrue(run.transfer().stream().anyMatch(r -> r.taskId().equals("sentiment")
                && r.metric().equals("counterfactual-flip-rate") && r.baseline() != null && r.difference() != null));
        assertTrue(run.verdict().checks().stream().anyMatch(c -> c.name().equals("not-audited:qa")));
        assertTrue(run.representation().stream().anyMatch(r -> r.taskId().equals("sentiment")
                && r.split().equalsIgnoreCase("train")), run.representation()::toString);
        assertEquals(run.report().sha256(), DurableFiles.sha256(JobArtifacts.resolve(config.artifactRoot(),
                run.report().path())));
        given().when().get("/runs/" + runId + "/bias-report").then().statusCode(200)
                .body(containsString("chart-bias-transfer"), containsString("bias-verdict"));
        given().when().get("/runs/" + runId + "/audit").then().statusCode(200).body(containsString(runId + ".mtl"));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("multitune_auditor_models_audited_total"));
    }

    @Test
    void aMissingModelFailsItsAuditAndTheAuditorStaysReady() throws Exception {
        String runId = runId("missing");
        RunPlanned plan = AuditorTestData.plan(runId);
        kafka.produce(AuditorTestData.record(Topics.RUNS, plan));
        kafka.produce(AuditorTestData.record(Topics.TRAINING, AuditorTestData.trained(plan, plan.jobs().get(0),
                new ModelTrained.Artifact("model", "runs/nowhere/model.onnx", "1".repeat(64), 10))));
        List<PipelineEvent> events = auditsUntil(runId, e -> !of(e, AuditFailed.class).isEmpty());
        AuditFailed failed = of(events, AuditFailed.class).get(0);
        assertEquals(EvaluationFailed.Problem.MODEL_MISSING, failed.problem());
        assertTrue(failed.reason().contains("does not exist"), failed.reason());
        assertFalse(events.stream().anyMatch(e -> e instanceof RunAudited));
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
