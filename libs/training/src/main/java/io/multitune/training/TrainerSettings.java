package io.multitune.training;

import io.multitune.encoder.model.AdapterSpec;
import io.multitune.encoder.model.EncoderOptions;
import io.multitune.encoder.model.LoraTarget;
import io.multitune.events.RunPlanned.JobPlan;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.RunRequest;
import io.multitune.training.optim.AdamWSettings;
import io.multitune.training.optim.LearningRateSchedule;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything a job's training needs besides data and weights, with the run request's documented defaults.
 *
 * @param seed            seed of heads, adapters, dropout, PCGrad
 * @param encoder         adapter and dropout rates of the encoder
 * @param learningRate    peak learning rate
 * @param totalSteps      the job's planned steps (the schedule's length)
 * @param warmupFraction  share of steps with linear warm-up (default 0.1)
 * @param adamW           AdamW hyperparameters
 * @param headL2          per task id, extra L2 on its head's weight (absent: 0)
 * @param patience        early-stopping patience in validation rounds
 * @param strategy        task weighting strategy name
 * @param strategyParams  its parameters
 * @param staticWeights   per task (job order), the static strategy's weights
 * @param telemetryEvery  steps per telemetry record
 * @param conflictsEvery  steps between gradient-conflict measurements (0: never)
 * @param windowSteps     steps per loss window (DWA's "epoch")
 */
public record TrainerSettings(long seed, EncoderOptions encoder, double learningRate, long totalSteps,
                              double warmupFraction, AdamWSettings adamW, Map<String, Double> headL2, int patience,
                              String strategy, Map<String, Double> strategyParams, double[] staticWeights,
                              int telemetryEvery, int conflictsEvery, int windowSteps) {

    public static final int DEFAULT_TELEMETRY_EVERY = 10;
    public static final int DEFAULT_CONFLICTS_EVERY = 50;

    public TrainerSettings {
        headL2 = Map.copyOf(headL2);
        strategyParams = strategyParams == null ? Map.of() : Map.copyOf(strategyParams);
        if (telemetryEvery < 1 || conflictsEvery < 0 || windowSteps < 1 || totalSteps < 1) {
            throw new IllegalArgumentException("need telemetryEvery >= 1, conflictsEvery >= 0, windowSteps >= 1, "
                    + "totalSteps >= 1");
        }
    }

    public LearningRateSchedule schedule() {
        return LearningRateSchedule.withWarmupFraction(learningRate, totalSteps, warmupFraction);
    }

    /** The settings of one job of a planned run: the effective request's values, defaults where absent. */
    public static TrainerSettings from(RunRequest request, JobPlan job) {
        AdapterSpec adapter = adapter(request.adapter());
        boolean full = adapter instanceof AdapterSpec.Full;
        RunRequest.Validation validation = request.validation();
        double lr = validation != null && validation.learningRate() != null ? validation.learningRate()
                : full ? 5e-5 : 5e-4;
        int patience = validation != null && validation.patience() != null ? validation.patience() : 3;
        long every = validation != null && validation.everySteps() != null ? validation.everySteps() : 50;
        long seed = request.seed() != null ? request.seed() : 42L;
        String strategy = request.weighting() != null && request.weighting().strategy() != null
                ? request.weighting().strategy() : "equal";
        Map<String, Double> params = request.weighting() != null ? request.weighting().params() : Map.of();
        return new TrainerSettings(seed, new EncoderOptions(adapter, 0.1f, 0.1f, seed), lr, Math.max(1, job.steps()),
                LearningRateSchedule.DEFAULT_WARMUP_FRACTION, AdamWSettings.DEFAULTS, Map.of(), patience, strategy,
                params, staticWeights(request.tasks(), job.tasks()), DEFAULT_TELEMETRY_EVERY, DEFAULT_CONFLICTS_EVERY,
                (int) Math.max(1, every > 0 ? every : Math.max(1, job.steps() / 10)));
    }

    /** The request's adapter section as the encoder's spec (LoRA r=8, alpha 16, dropout 0.1 on query and value). */
    public static AdapterSpec adapter(RunRequest.Adapter a) {
        String type = a == null || a.type() == null ? "lora" : a.type().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "lora" -> {
                List<String> names = a == null || a.targets() == null ? List.of("query", "value") : a.targets();
                yield AdapterSpec.lora(a == null || a.rank() == null ? 8 : a.rank(),
                        a == null || a.alpha() == null ? 16f : a.alpha().floatValue(),
                        a == null || a.dropout() == null ? 0.1f : a.dropout().floatValue(),
                        names.stream().map(LoraTarget::parse).toArray(LoraTarget[]::new));
            }
            case "bottleneck" -> AdapterSpec.bottleneck(a.bottleneckSize() == null ? 64 : a.bottleneckSize());
            case "full" -> AdapterSpec.full();
            case "frozen" -> AdapterSpec.frozen();
            default -> throw new IllegalArgumentException("unknown adapter type '" + a.type()
                    + "', expected lora, bottleneck, full or frozen");
        };
    }

    /** A task's static weight: the request entry naming its task id or one of its datasets, else 1. */
    static double[] staticWeights(List<RunRequest.TaskRef> refs, List<TaskPlan> tasks) {
        double[] weights = new double[tasks.size()];
        for (int i = 0; i < weights.length; i++) {
            TaskPlan task = tasks.get(i);
            weights[i] = 1.0;
            for (RunRequest.TaskRef ref : refs == null ? List.<RunRequest.TaskRef>of() : refs) {
                boolean names = ref.task().equals(task.taskId())
                        || task.datasets() != null && task.datasets().contains(ref.task());
                if (names && ref.weight() != null) {
                    weights[i] = ref.weight();
                }
            }
        }
        return weights;
    }
}
