package io.multitune.sampling.request;

import static io.multitune.sampling.request.Strategies.*;

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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * The defaults of a run request, as documented on {@link RunRequest}. The effective request has every field
 * filled, so the plan published for it says exactly what ran; values the user gave are kept as given, valid or not
 * (the {@link RunValidator} judges them).
 */
public final class RunDefaults {
    public static final String BASE_MODEL = "all-MiniLM-L6-v2";
    public static final int BATCH_SIZE = 16;
    public static final double EPOCHS = 1.0;
    public static final long SEED = 42L;
    public static final double TASK_WEIGHT = 1.0;
    public static final double LEARNING_RATE_ADAPTER = 5e-4;
    /** Full fine-tuning moves every weight: a tenth of the adapter rate keeps the pretrained encoder intact. */
    public static final double LEARNING_RATE_FULL = 5e-5;

    private static final DateTimeFormatter RUN_ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private RunDefaults() {
    }

    /** The request with every absent field set to its default; {@code generatedRunId} when it has no run id. */
    public static RunRequest effective(RunRequest request, String generatedRunId) {
        Adapter adapter = adapter(request.adapter());
        return new RunRequest(
                RunRequest.SCHEMA_VERSION,
                request.runId() == null || request.runId().isBlank() ? generatedRunId : request.runId(),
                tasks(request.tasks()),
                or(request.baseModel(), BASE_MODEL),
                adapter,
                weighting(request.weighting()),
                sampling(request.sampling()),
                or(request.batchSize(), BATCH_SIZE),
                budget(request.budget()),
                validation(request.validation(), adapter.type()),
                or(request.seed(), SEED),
                or(request.baselines(), Boolean.TRUE),
                gates(request.gates()),
                request.requestedAt());
    }

    /** A fresh run id such as {@code run-20240501-120000-3fa9}: sortable by time, unique enough for people. */
    public static String newRunId() {
        return newRunId(Instant.now(), ThreadLocalRandom.current());
    }

    static String newRunId(Instant now, RandomGenerator random) {
        return "run-" + RUN_ID_TIME.format(now) + "-" + String.format("%04x", random.nextInt(0x10000));
    }

    /** The documented parameters of a weighting strategy with their defaults; empty for one without any. */
    public static Map<String, Double> weightingParamDefaults(String strategy) {
        if (strategy == null) {
            return Map.of();
        }
        return switch (strategy) {
            case WEIGHTING_DWA -> ordered(PARAM_TEMPERATURE, 2.0);
            case WEIGHTING_GRADNORM -> ordered(PARAM_ALPHA, 1.5, PARAM_LEARNING_RATE, 0.025);
            case WEIGHTING_CAGRAD -> ordered(PARAM_C, 0.4);
            case WEIGHTING_FAMO -> ordered(PARAM_LEARNING_RATE, 0.025, PARAM_GAMMA, 0.001);
            default -> Map.of();
        };
    }

    private static List<TaskRef> tasks(List<TaskRef> tasks) {
        if (tasks == null) {
            return null;
        }
        // Not List.copyOf: a null element (a task the reader could not read) stays for the validator to report.
        return Collections.unmodifiableList(tasks.stream()
                .map(t -> t == null ? null : new TaskRef(t.task(), t.datasets(), or(t.weight(), TASK_WEIGHT)))
                .toList());
    }

    private static Adapter adapter(Adapter a) {
        Adapter given = a != null ? a : new Adapter(null, null, null, null, null, null);
        // Every field is filled whatever the type, so a plan reads the same way for all of them.
        return new Adapter(
                or(given.type(), ADAPTER_LORA),
                or(given.rank(), 8),
                or(given.alpha(), 16.0),
                or(given.dropout(), 0.1),
                or(given.targets(), List.of(TARGET_QUERY, TARGET_VALUE)),
                or(given.bottleneckSize(), 64));
    }

    private static Weighting weighting(Weighting w) {
        String strategy = w == null || w.strategy() == null ? WEIGHTING_EQUAL : w.strategy();
        Map<String, Double> params = new LinkedHashMap<>(weightingParamDefaults(strategy));
        if (w != null && w.params() != null) {
            // Given values win; a key given as null means "the default".
            w.params().forEach((key, value) -> {
                if (value != null || !params.containsKey(key)) {
                    params.put(key, value);
                }
            });
        }
        return new Weighting(strategy, Collections.unmodifiableMap(params));
    }

    private static Sampling sampling(Sampling s) {
        Sampling given = s != null ? s : new Sampling(null, null, null, null, null, null, null);
        Curriculum c = given.curriculum() != null ? given.curriculum() : new Curriculum(null, null, null, null, null);
        Dynamic d = given.dynamic() != null ? given.dynamic() : new Dynamic(null, null);
        return new Sampling(
                or(given.strategy(), SAMPLING_TEMPERATURE),
                or(given.temperature(), 2.0),
                given.cap(), // absent means no cap
                or(given.batchMode(), BATCH_MODE_HETEROGENEOUS),
                new Curriculum(
                        or(c.difficulty(), CURRICULUM_DIFFICULTY_LENGTH),
                        or(c.schedule(), CURRICULUM_SCHEDULE_SQRT),
                        or(c.initialCompetence(), 0.2),
                        or(c.rampFraction(), 0.5),
                        or(c.mixing(), CURRICULUM_MIXING_PROPORTIONAL)),
                new Dynamic(or(d.eta(), 1.0), or(d.maxFactor(), 2.0)),
                or(given.window(), 32));
    }

    private static Budget budget(Budget b) {
        if (b == null || (b.steps() == null && b.epochs() == null)) {
            return new Budget(null, EPOCHS);
        }
        return b; // one given (or both, which the validator rejects)
    }

    private static Validation validation(Validation v, String adapterType) {
        Validation given = v != null ? v : new Validation(null, null, null, null);
        double learningRate = ADAPTER_FULL.equals(adapterType) ? LEARNING_RATE_FULL : LEARNING_RATE_ADAPTER;
        return new Validation(
                or(given.everySteps(), 50L),
                or(given.maxExamplesPerTask(), 256),
                or(given.patience(), 3),
                or(given.learningRate(), learningRate));
    }

    private static Gates gates(Gates g) {
        EvaluationGate e = g != null && g.evaluation() != null ? g.evaluation() : new EvaluationGate(null, null, null);
        BiasGate b = g != null && g.bias() != null ? g.bias() : new BiasGate(null, null, null, null);
        return new Gates(
                new EvaluationGate(or(e.minDeltaM(), 0.0), or(e.maxTaskDrop(), 2.0), or(e.alpha(), 0.05),
                        e.minUnifiedScore(), e.primaryMetrics(), e.scoreWeights()),
                new BiasGate(
                        or(b.maxDemographicParityDifference(), 0.1),
                        or(b.maxEqualizedOddsDifference(), 0.1),
                        or(b.maxCounterfactualFlipRate(), 0.05),
                        or(b.maxIncreaseOverBaseline(), 0.02)));
    }

    private static Map<String, Double> ordered(Object... keysAndValues) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (Double) keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
