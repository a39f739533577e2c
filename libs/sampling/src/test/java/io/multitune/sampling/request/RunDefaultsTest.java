package io.multitune.sampling.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.RunRequest;
import io.multitune.events.RunRequest.Adapter;
import io.multitune.events.RunRequest.BiasGate;
import io.multitune.events.RunRequest.Budget;
import io.multitune.events.RunRequest.Curriculum;
import io.multitune.events.RunRequest.Dynamic;
import io.multitune.events.RunRequest.EvaluationGate;
import io.multitune.events.RunRequest.Gates;
import io.multitune.events.RunRequest.Sampling;
import io.multitune.events.RunRequest.TaskRef;
import io.multitune.events.RunRequest.Validation;
import io.multitune.events.RunRequest.Weighting;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RunDefaultsTest {

    /** Every default documented on RunRequest, for a request naming only the task sentiment. */
    private static final RunRequest ALL_DEFAULTS = new RunRequest(1, "run-test",
            List.of(new TaskRef("sentiment", null, 1.0)),
            "all-MiniLM-L6-v2",
            new Adapter("lora", 8, 16.0, 0.1, List.of("query", "value"), 64),
            new Weighting("equal", Map.of()),
            new Sampling("temperature", 2.0, null, "heterogeneous",
                    new Curriculum("length", "sqrt", 0.2, 0.5, "proportional"), new Dynamic(1.0, 2.0), 32),
            16,
            new Budget(null, 1.0),
            new Validation(50L, 256, 3, 5e-4),
            42L,
            true,
            new Gates(new EvaluationGate(0.0, 2.0, 0.05), new BiasGate(0.1, 0.1, 0.05, 0.02)),
            null);

    private static final String FULL_YAML = """
            schemaVersion: 1
            runId: run-full.1
            tasks:
              - {task: sentiment, weight: 1.5}
              - {task: nli, datasets: [snli], weight: 2.5}
            baseModel: bert-base-uncased
            adapter: {type: bottleneck, rank: 4, alpha: 8, dropout: 0.2, targets: [ffn], bottleneckSize: 32}
            weighting: {strategy: gradnorm, params: {alpha: 0.5, learningRate: 0.01}}
            sampling:
              strategy: capped
              temperature: 3
              cap: 1000
              batchMode: homogeneous
              curriculum: {difficulty: score, schedule: linear, initialCompetence: 0.1, rampFraction: 0.8,
                           mixing: temperature}
              dynamic: {eta: 0.5, maxFactor: 4}
              window: 8
            batchSize: 64
            budget: {steps: 500}
            validation: {everySteps: 0, maxExamplesPerTask: 100, patience: 5, learningRate: 0.001}
            seed: 7
            baselines: false
            gates:
              evaluation: {minDeltaM: -1, maxTaskDrop: 5, alpha: 0.01}
              bias: {maxDemographicParityDifference: 0.2, maxEqualizedOddsDifference: 0.3,
                     maxCounterfactualFlipRate: 0.1, maxIncreaseOverBaseline: 0}
            requestedAt: 2024-05-01T12:00:00Z
            """;

    @Test
    void minimalYamlGetsEveryDefault() {
        assertEquals(ALL_DEFAULTS, Fixtures.effective("tasks: [sentiment]"));
    }

    @Test
    void minimalJsonGetsEveryDefault() {
        assertEquals(ALL_DEFAULTS, RunDefaults.effective(Fixtures.read("{\"tasks\": [\"sentiment\"]}"), "run-test"));
    }

    @Test
    void emptySectionsGetEveryDefaultToo() {
        assertEquals(ALL_DEFAULTS, Fixtures.effective("""
                runId: "  "
                tasks: [{task: sentiment}]
                adapter: {}
                weighting: {}
                sampling: {curriculum: {}, dynamic: {}}
                budget: {}
                validation: {}
                gates: {evaluation: {}, bias: {}}
                """));
    }

    @Test
    void fullRequestKeepsEveryValue() {
        RunRequest written = Fixtures.read(FULL_YAML);
        RunRequest effective = RunDefaults.effective(written, "run-unused");
        assertEquals(written, effective);
        assertEquals(new Budget(500L, null), effective.budget(), "no epochs next to given steps");
        assertEquals(Map.of("alpha", 0.5, "learningRate", 0.01), effective.weighting().params());
        assertEquals(Instant.parse("2024-05-01T12:00:00Z"), effective.requestedAt());
        assertEquals(List.of(), RunValidator.validate(effective, Fixtures.catalog()).problems());
    }

    @Test
    void fullFineTuningGetsTheSmallerLearningRate() {
        assertEquals(5e-5, Fixtures.effective("tasks: [nli]\nadapter: {type: full}").validation().learningRate());
        assertEquals(1e-3, Fixtures.effective("tasks: [nli]\nadapter: {type: full}\nvalidation: {learningRate: 1e-3}")
                .validation().learningRate());
    }

    @Test
    void weightingParamsGetTheStrategysDefaults() {
        assertEquals(Map.of("temperature", 2.0), params("dwa"));
        assertEquals(Map.of("alpha", 1.5, "learningRate", 0.025), params("gradnorm"));
        assertEquals(Map.of("c", 0.4), params("cagrad"));
        assertEquals(Map.of("learningRate", 0.025, "gamma", 0.001), params("famo"));
        for (String none : List.of("equal", "static", "uncertainty", "pcgrad", "no-such-strategy")) {
            assertEquals(Map.of(), params(none), none);
        }
        assertEquals(Map.of("learningRate", 0.1, "gamma", 0.001),
                Fixtures.effective("tasks: [nli]\nweighting: {strategy: famo, params: {learningRate: 0.1}}")
                        .weighting().params());
    }

    private static Map<String, Double> params(String strategy) {
        return Fixtures.effective("tasks: [nli]\nweighting: {strategy: " + strategy + "}").weighting().params();
    }

    @Test
    void weightingParamsKeepTheDocumentedOrder() {
        assertEquals(List.of("learningRate", "gamma"), List.copyOf(params("famo").keySet()));
    }

    @Test
    void givenNullParamMeansTheDefaultAndUnknownParamsStayForTheValidator() {
        RunRequest request = new RunRequest(1, null, List.of(TaskRef.of("nli")), null, null,
                new Weighting("dwa", nullValued("temperature", "temp")), null, null, null, null, null, null, null, null);
        Map<String, Double> params = RunDefaults.effective(request, "r").weighting().params();
        assertEquals(2.0, params.get("temperature"));
        assertTrue(params.containsKey("temp"));
        assertNull(params.get("temp"));
    }

    private static Map<String, Double> nullValued(String... keys) {
        Map<String, Double> map = new HashMap<>();
        for (String key : keys) {
            map.put(key, null);
        }
        return map;
    }

    @Test
    void capStaysAbsentAndDatasetsStayAbsent() {
        RunRequest effective = Fixtures.effective("tasks: [nli, {task: sentiment, datasets: [reviews-a]}]");
        assertNull(effective.sampling().cap());
        assertEquals(List.of(new TaskRef("nli", null, 1.0), new TaskRef("sentiment", List.of("reviews-a"), 1.0)),
                effective.tasks());
    }

    @Test
    void missingTasksStayMissingForTheValidator() {
        RunRequest noTasks = new RunRequest(1, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
        assertNull(RunDefaults.effective(noTasks, "r").tasks());
    }

    @Test
    void newRunIdsAreTimestampedAndValid() {
        assertEquals("run-20240501-120304-" + String.format("%04x", new Random(1).nextInt(0x10000)),
                RunDefaults.newRunId(Instant.parse("2024-05-01T12:03:04Z"), new Random(1)));
        String id = RunDefaults.newRunId();
        assertTrue(id.matches("run-\\d{8}-\\d{6}-[0-9a-f]{4}"), id);
        assertTrue(ModelChecks.RUN_ID.matcher(id).matches());
        assertNotEquals(RunDefaults.newRunId(Instant.EPOCH, new Random(1)),
                RunDefaults.newRunId(Instant.EPOCH, new Random(2)));
    }

    @Test
    void defaultsAreValid() {
        assertTrue(RunValidator.validate(ALL_DEFAULTS, Fixtures.catalog()).readyToPlan());
    }
}
