package io.multitune.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A request for a multi-task run, on {@link Topics#RUNS}, keyed by run id. Every field but {@code tasks} may be
 * absent: the sampler fills in the documented defaults and publishes the effective request inside
 * {@link RunPlanned}, so what ran is never ambiguous. Strategy names are plain strings, not enums, so an unknown
 * name is reported as a field problem instead of a parse failure.
 *
 * @param runId       run id; generated when absent
 * @param tasks       the tasks to train together, by task id or dataset id (at least one)
 * @param baseModel   the pretrained encoder (default {@code all-MiniLM-L6-v2}, the one shipped with multitune)
 * @param adapter     parameter-efficient fine-tuning (default LoRA r=8, alpha=16, dropout 0.1 on query and value)
 * @param weighting   how task losses or gradients are combined (default equal)
 * @param sampling    how tasks are mixed and examples ordered (default temperature T=2)
 * @param batchSize   examples per training batch (default 16)
 * @param budget      how long each job trains (default 1 epoch)
 * @param validation  validation cadence and early stopping (default every 50 steps, patience 3)
 * @param seed        seed of every random choice (default 42)
 * @param baselines   also train one single-task baseline per task (default true)
 * @param gates       thresholds of the evaluation and bias gates
 * @param requestedAt when the request was made (set by the CLI; informative)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunRequest(
        int schemaVersion,
        String runId,
        List<TaskRef> tasks,
        String baseModel,
        Adapter adapter,
        Weighting weighting,
        Sampling sampling,
        Integer batchSize,
        Budget budget,
        Validation validation,
        Long seed,
        Boolean baselines,
        Gates gates,
        Instant requestedAt) implements RunScoped {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String subject() {
        return runId;
    }

    public RunRequest withRunId(String id) {
        return new RunRequest(schemaVersion, id, tasks, baseModel, adapter, weighting, sampling, batchSize, budget,
                validation, seed, baselines, gates, requestedAt);
    }

    /**
     * One task of a run: a task id (all datasets registered for it) or a dataset id (that dataset alone).
     * Written either as a plain string or as an object.
     *
     * @param task     task id or dataset id
     * @param datasets restrict the task to these datasets (default: every dataset of the task)
     * @param weight   static weight of this task (weighting strategy "static"; default 1)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TaskRef(String task, List<String> datasets, Double weight) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static TaskRef of(String task) {
            return new TaskRef(task, null, null);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public static TaskRef create(@com.fasterxml.jackson.annotation.JsonProperty("task") String task,
                                     @com.fasterxml.jackson.annotation.JsonProperty("datasets") List<String> datasets,
                                     @com.fasterxml.jackson.annotation.JsonProperty("weight") Double weight) {
            return new TaskRef(task, datasets, weight);
        }
    }

    /**
     * Adapter configuration.
     *
     * @param type           {@code lora} (default), {@code bottleneck} or {@code full} (every weight trains)
     * @param rank           LoRA rank r (default 8)
     * @param alpha          LoRA scaling alpha (default 16)
     * @param dropout        dropout on the adapter branch (default 0.1)
     * @param targets        LoRA target modules among query, key, value, attention-output, ffn (default query, value)
     * @param bottleneckSize hidden size of a bottleneck adapter (default 64)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Adapter(String type, Integer rank, Double alpha, Double dropout, List<String> targets,
                          Integer bottleneckSize) {
    }

    /**
     * Task weighting or gradient surgery.
     *
     * @param strategy {@code equal} (default), {@code static}, {@code uncertainty}, {@code dwa}, {@code gradnorm},
     *                 {@code pcgrad}, {@code cagrad} or {@code famo}
     * @param params   strategy parameters: dwa {@code temperature} (2), gradnorm {@code alpha} (1.5) and
     *                 {@code learningRate} (0.025), cagrad {@code c} (0.4), famo {@code learningRate} (0.025) and
     *                 {@code gamma} (0.001)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Weighting(String strategy, Map<String, Double> params) {
    }

    /**
     * Task mixing and example order.
     *
     * @param strategy    {@code proportional}, {@code uniform}, {@code temperature} (default), {@code capped}
     *                    (examples-proportional with cap K), {@code curriculum} or {@code dynamic}
     * @param temperature T of the temperature strategy (default 2; 1 = proportional)
     * @param cap         K: examples counted per task at most, for capped and temperature (default: no cap)
     * @param batchMode   {@code heterogeneous} (default: tasks mixed inside a batch) or {@code homogeneous}
     *                    (one task per batch, chosen by the mixing weights)
     * @param curriculum  settings of the curriculum strategy
     * @param dynamic     settings of the dynamic strategy
     * @param window      batches the sampler may run ahead of the trainer's acknowledged position (default 32)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sampling(String strategy, Double temperature, Long cap, String batchMode, Curriculum curriculum,
                           Dynamic dynamic, Integer window) {
    }

    /**
     * Curriculum: within each task, examples are drawn from the easiest fraction c(t) of the pool, where t is the
     * task's progress through its budget; c grows from {@code initialCompetence} to 1 over {@code rampFraction}
     * of the budget.
     *
     * @param difficulty        {@code length} (default: input length in characters) or {@code score} (the
     *                          example's {@code difficulty} field; examples without one count as hardest)
     * @param schedule          {@code linear} or {@code sqrt} (default; Platanios et al. 2019)
     * @param initialCompetence c(0), default 0.2
     * @param rampFraction      share of the budget after which every example is eligible, default 0.5
     * @param mixing            task proportions under curriculum: {@code proportional} (default) or
     *                          {@code temperature} (using {@code sampling.temperature})
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Curriculum(String difficulty, String schedule, Double initialCompetence, Double rampFraction,
                             String mixing) {
    }

    /**
     * Dynamic mixing: after every validation round, tasks whose validation loss fell least (relative to their
     * first round) get a larger share. See the README for the rule.
     *
     * @param eta       step size of the update (default 1.0)
     * @param maxFactor a task's share stays within [base / maxFactor, base * maxFactor] (default 2)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Dynamic(Double eta, Double maxFactor) {
    }

    /**
     * How long the multi-task job trains; exactly one of the two. A baseline job gets the multi-task job's budget
     * of its task.
     *
     * @param steps  training batches of the multi-task job
     * @param epochs passes over the (capped) training examples of all tasks (default 1)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Budget(Long steps, Double epochs) {
    }

    /**
     * Validation and early stopping.
     *
     * @param everySteps         training batches between validation rounds (default 50; 0 = only at the end)
     * @param maxExamplesPerTask validation examples per task and round (default 256)
     * @param patience           rounds without improvement before a task stops pulling (default 3)
     * @param learningRate       peak learning rate of the trainer (default 5e-4 with adapters, 5e-5 full)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Validation(Long everySteps, Integer maxExamplesPerTask, Integer patience, Double learningRate) {
    }

    /** Promotion and bias gates. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Gates(EvaluationGate evaluation, BiasGate bias) {
    }

    /**
     * @param minDeltaM   lowest acceptable Δm in percent (default 0: the multi-task model may not be worse on
     *                    average)
     * @param maxTaskDrop largest acceptable drop of one task's main metric against its baseline, in percent
     *                    (default 2)
     * @param alpha       significance level of the paired tests (default 0.05)
     * @param minUnifiedScore lowest acceptable unified score of the multi-task model on [0, 1] (default: not
     *                    checked)
     * @param primaryMetrics  per task id, the metric that judges it (default: the task type's, e.g. accuracy for
     *                    classification, entity-f1 for BIO tagging, pearson for regression, f1 for QA)
     * @param scoreWeights    per task id, its weight in the unified score (default 1 each)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EvaluationGate(Double minDeltaM, Double maxTaskDrop, Double alpha, Double minUnifiedScore,
                                 Map<String, String> primaryMetrics, Map<String, Double> scoreWeights) {

        /** The three thresholds alone, the rest at its defaults. */
        public EvaluationGate(Double minDeltaM, Double maxTaskDrop, Double alpha) {
            this(minDeltaM, maxTaskDrop, alpha, null, null, null);
        }
    }

    /**
     * @param maxDemographicParityDifference  default 0.1
     * @param maxEqualizedOddsDifference      default 0.1
     * @param maxCounterfactualFlipRate       default 0.05
     * @param maxIncreaseOverBaseline         largest acceptable increase of any bias figure over the task's
     *                                        baseline (default 0.02)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BiasGate(Double maxDemographicParityDifference, Double maxEqualizedOddsDifference,
                           Double maxCounterfactualFlipRate, Double maxIncreaseOverBaseline) {
    }
}
