package io.multitune.sampling.request;

import static io.multitune.events.RunRejected.Reason.BAD_PARAMETER;
import static io.multitune.events.RunRejected.Reason.MISSING_FIELD;
import static io.multitune.events.RunRejected.Reason.UNKNOWN_STRATEGY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.RunRejected.Problem;
import io.multitune.events.RunRejected.Reason;
import io.multitune.events.RunRequest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every parameter rule: one broken setting gives exactly one problem, on its field, for its reason. */
class RunValidatorRulesTest {

    static Stream<Arguments> brokenSettings() {
        return Stream.of(
                rule("runId: 'two words'", "runId", BAD_PARAMETER),
                rule("runId: -leading-dash", "runId", BAD_PARAMETER),
                rule("runId: " + "r".repeat(101), "runId", BAD_PARAMETER),
                rule("baseModel: ' '", "baseModel", MISSING_FIELD),
                rule("adapter: {type: dora}", "adapter.type", UNKNOWN_STRATEGY),
                rule("adapter: {rank: 0}", "adapter.rank", BAD_PARAMETER),
                rule("adapter: {alpha: 0}", "adapter.alpha", BAD_PARAMETER),
                rule("adapter: {dropout: 1}", "adapter.dropout", BAD_PARAMETER),
                rule("adapter: {dropout: -0.1}", "adapter.dropout", BAD_PARAMETER),
                rule("adapter: {targets: []}", "adapter.targets", BAD_PARAMETER),
                rule("adapter: {targets: [query, mlp]}", "adapter.targets[1]", BAD_PARAMETER),
                rule("adapter: {targets: [query, query]}", "adapter.targets[1]", BAD_PARAMETER),
                rule("adapter: {bottleneckSize: 0}", "adapter.bottleneckSize", BAD_PARAMETER),
                rule("weighting: {strategy: magic}", "weighting.strategy", UNKNOWN_STRATEGY),
                rule("weighting: {strategy: dwa, params: {temp: 1}}", "weighting.params.temp", BAD_PARAMETER),
                rule("weighting: {params: {temperature: 1}}", "weighting.params.temperature", BAD_PARAMETER),
                rule("weighting: {strategy: pcgrad, params: {c: 0.5}}", "weighting.params.c", BAD_PARAMETER),
                rule("weighting: {strategy: dwa, params: {temperature: 0}}", "weighting.params.temperature",
                        BAD_PARAMETER),
                rule("weighting: {strategy: gradnorm, params: {alpha: -1}}", "weighting.params.alpha",
                        BAD_PARAMETER),
                rule("weighting: {strategy: gradnorm, params: {learningRate: 0}}", "weighting.params.learningRate",
                        BAD_PARAMETER),
                rule("weighting: {strategy: cagrad, params: {c: 1}}", "weighting.params.c", BAD_PARAMETER),
                rule("weighting: {strategy: famo, params: {gamma: -0.1}}", "weighting.params.gamma", BAD_PARAMETER),
                rule("weighting: {strategy: famo, params: {learningRate: -1}}", "weighting.params.learningRate",
                        BAD_PARAMETER),
                rule("sampling: {strategy: random}", "sampling.strategy", UNKNOWN_STRATEGY),
                rule("sampling: {temperature: 0}", "sampling.temperature", BAD_PARAMETER),
                rule("sampling: {cap: 0}", "sampling.cap", BAD_PARAMETER),
                rule("sampling: {strategy: capped}", "sampling.cap", MISSING_FIELD),
                rule("sampling: {batchMode: mixed}", "sampling.batchMode", UNKNOWN_STRATEGY),
                rule("sampling: {window: 0}", "sampling.window", BAD_PARAMETER),
                rule("sampling: {curriculum: {difficulty: size}}", "sampling.curriculum.difficulty",
                        UNKNOWN_STRATEGY),
                rule("sampling: {curriculum: {schedule: exp}}", "sampling.curriculum.schedule", UNKNOWN_STRATEGY),
                rule("sampling: {curriculum: {initialCompetence: 0}}", "sampling.curriculum.initialCompetence",
                        BAD_PARAMETER),
                rule("sampling: {curriculum: {rampFraction: 1.5}}", "sampling.curriculum.rampFraction",
                        BAD_PARAMETER),
                rule("sampling: {curriculum: {mixing: uniform}}", "sampling.curriculum.mixing", UNKNOWN_STRATEGY),
                rule("sampling: {dynamic: {eta: 0}}", "sampling.dynamic.eta", BAD_PARAMETER),
                rule("sampling: {dynamic: {maxFactor: 0.5}}", "sampling.dynamic.maxFactor", BAD_PARAMETER),
                rule("batchSize: 0", "batchSize", BAD_PARAMETER),
                rule("batchSize: 4097", "batchSize", BAD_PARAMETER),
                rule("budget: {steps: 10, epochs: 1}", "budget", BAD_PARAMETER),
                rule("budget: {steps: 0}", "budget.steps", BAD_PARAMETER),
                rule("budget: {epochs: 0}", "budget.epochs", BAD_PARAMETER),
                rule("validation: {everySteps: -1}", "validation.everySteps", BAD_PARAMETER),
                rule("validation: {maxExamplesPerTask: 0}", "validation.maxExamplesPerTask", BAD_PARAMETER),
                rule("validation: {patience: 0}", "validation.patience", BAD_PARAMETER),
                rule("validation: {learningRate: 0}", "validation.learningRate", BAD_PARAMETER),
                rule("gates: {evaluation: {maxTaskDrop: -1}}", "gates.evaluation.maxTaskDrop", BAD_PARAMETER),
                rule("gates: {evaluation: {alpha: 0}}", "gates.evaluation.alpha", BAD_PARAMETER),
                rule("gates: {evaluation: {alpha: 1}}", "gates.evaluation.alpha", BAD_PARAMETER),
                rule("gates: {evaluation: {minUnifiedScore: 1.2}}", "gates.evaluation.minUnifiedScore",
                        BAD_PARAMETER),
                rule("gates: {evaluation: {primaryMetrics: {nli: acuracy}}}", "gates.evaluation.primaryMetrics.nli",
                        UNKNOWN_STRATEGY),
                rule("gates: {evaluation: {primaryMetrics: {pos: accuracy}}}", "gates.evaluation.primaryMetrics.pos",
                        UNKNOWN_STRATEGY),
                rule("gates: {evaluation: {scoreWeights: {nli: -1}}}", "gates.evaluation.scoreWeights.nli",
                        BAD_PARAMETER),
                rule("gates: {bias: {maxDemographicParityDifference: 1.5}}",
                        "gates.bias.maxDemographicParityDifference", BAD_PARAMETER),
                rule("gates: {bias: {maxEqualizedOddsDifference: -0.1}}", "gates.bias.maxEqualizedOddsDifference",
                        BAD_PARAMETER),
                rule("gates: {bias: {maxCounterfactualFlipRate: 2}}", "gates.bias.maxCounterfactualFlipRate",
                        BAD_PARAMETER),
                rule("gates: {bias: {maxIncreaseOverBaseline: -1}}", "gates.bias.maxIncreaseOverBaseline",
                        BAD_PARAMETER));
    }

    private static Arguments rule(String setting, String field, Reason reason) {
        return Arguments.of(setting, field, reason);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @MethodSource("brokenSettings")
    void aBrokenSettingIsOneProblemOnItsField(String setting, String field, Reason reason) {
        List<Problem> problems = Fixtures.problems("tasks: [nli]\n" + setting);
        assertEquals(1, problems.size(), problems::toString);
        assertEquals(field, problems.get(0).field());
        assertEquals(reason, problems.get(0).reason());
        assertTrue(!problems.get(0).message().isBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasks: [{task: nli, weight: 0}]", "tasks: [{task: nli, weight: -2}]"})
    void aTaskWeightMustBePositive(String yaml) {
        assertEquals(List.of(new Problem("tasks[0].weight", BAD_PARAMETER, "must be a number greater than 0")),
                Fixtures.problems(yaml));
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed: -5", "seed: 0", "gates: {evaluation: {minDeltaM: -50}}",
            "validation: {everySteps: 0}", "sampling: {strategy: capped, cap: 1}", "batchSize: 4096",
            "adapter: {dropout: 0, targets: [query, key, value, attention-output, ffn]}",
            "gates: {bias: {maxIncreaseOverBaseline: 0, maxCounterfactualFlipRate: 1}}",
            "weighting: {strategy: cagrad, params: {c: 0}}", "runId: A.b_c-9"})
    void boundaryValuesAreAccepted(String setting) {
        assertEquals(List.of(), Fixtures.problems("tasks: [nli]\n" + setting));
    }

    @Test
    void messagesSayWhatIsExpected() {
        assertEquals(new Problem("batchSize", BAD_PARAMETER, "must be at least 1"),
                Fixtures.problems("tasks: [nli]\nbatchSize: 0").get(0));
        assertEquals(new Problem("sampling.strategy", UNKNOWN_STRATEGY,
                "unknown sampling strategy 'temprature' (did you mean 'temperature'?); expected one of proportional,"
                        + " uniform, temperature, capped, curriculum, dynamic"),
                Fixtures.problems("tasks: [nli]\nsampling: {strategy: temprature}").get(0));
        assertEquals(new Problem("adapter.dropout", BAD_PARAMETER, "must be in [0, 1)"),
                Fixtures.problems("tasks: [nli]\nadapter: {dropout: 1}").get(0));
        assertEquals(new Problem("weighting.params.temp", BAD_PARAMETER,
                "weighting 'dwa' has no parameter 'temp'; expected one of temperature"),
                Fixtures.problems("tasks: [nli]\nweighting: {strategy: dwa, params: {temp: 1}}").get(0));
        assertEquals(new Problem("budget", BAD_PARAMETER, "give either steps or epochs, not both"),
                Fixtures.problems("tasks: [nli]\nbudget: {steps: 10, epochs: 1}").get(0));
    }

    @Test
    void nonFiniteNumbersAreRejected() {
        RunRequest effective = Fixtures.effective("tasks: [nli]");
        RunRequest broken = new RunRequest(1, "r", effective.tasks(), effective.baseModel(), effective.adapter(),
                effective.weighting(), effective.sampling(), effective.batchSize(), effective.budget(),
                effective.validation(), effective.seed(), effective.baselines(),
                new RunRequest.Gates(new RunRequest.EvaluationGate(Double.NaN, Double.POSITIVE_INFINITY, 0.05),
                        effective.gates().bias()), null);
        assertEquals(List.of("gates.evaluation.minDeltaM", "gates.evaluation.maxTaskDrop"),
                RunValidator.validate(broken, Fixtures.catalog()).problems().stream().map(Problem::field).toList());
    }

    @Test
    void anUnsupportedSchemaVersionIsABadParameter() {
        RunRequest effective = Fixtures.effective("tasks: [nli]");
        RunRequest v2 = new RunRequest(2, effective.runId(), effective.tasks(), effective.baseModel(),
                effective.adapter(), effective.weighting(), effective.sampling(), effective.batchSize(),
                effective.budget(), effective.validation(), effective.seed(), effective.baselines(),
                effective.gates(), null);
        assertEquals(List.of("schemaVersion"),
                RunValidator.validate(v2, Fixtures.catalog()).problems().stream().map(Problem::field).toList());
    }

    @Test
    void everyProblemIsCollectedAtOnce() {
        ValidationResult result = Fixtures.validate("""
                tasks: [nli, unknown-task]
                batchSize: 0
                sampling: {strategy: capped}
                adapter: {type: dora}
                """);
        assertEquals(List.of(
                new Problem("tasks[1]", Reason.UNKNOWN_TASK,
                        "no task or dataset 'unknown-task' is registered; registered tasks: empty, mixed, ner, nli,"
                                + " relabelled, sentiment, summaries, unvalidated"),
                new Problem("adapter.type", UNKNOWN_STRATEGY,
                        "unknown adapter type 'dora' (did you mean 'lora'?); expected one of lora, bottleneck, full"),
                new Problem("sampling.cap", MISSING_FIELD,
                        "strategy 'capped' needs cap: the most examples counted per task"),
                new Problem("batchSize", BAD_PARAMETER, "must be at least 1")), result.problems());
    }
}
