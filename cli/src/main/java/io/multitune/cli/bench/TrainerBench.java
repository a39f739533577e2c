package io.multitune.cli.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import io.multitune.cli.common.CliException;
import io.multitune.cli.common.CommandSupport;
import io.multitune.encoder.model.AdapterSpec;
import io.multitune.encoder.model.Dropouts;
import io.multitune.encoder.model.EncoderOptions;
import io.multitune.encoder.model.LoraTarget;
import io.multitune.encoder.model.NativeAllocator;
import io.multitune.encoder.onnx.OnnxBertReader;
import io.multitune.encoder.tokens.BertTokenization;
import io.multitune.encoder.weights.BertConfig;
import io.multitune.encoder.weights.BertWeights;
import io.multitune.events.ExampleInput;
import io.multitune.events.ExampleTarget;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.Split;
import io.multitune.events.StandardExample;
import io.multitune.events.TaskType;
import io.multitune.events.TrainingBatch;
import io.multitune.mtl.TaskWeightings;
import io.multitune.training.MultiTaskModel;
import io.multitune.training.TrainingStep;
import io.multitune.training.batch.AssembledBatch;
import io.multitune.training.batch.BatchAssembler;
import io.multitune.training.batch.TaskBatch;
import io.multitune.training.optim.AdamW;
import io.multitune.training.optim.AdamWSettings;
import io.multitune.training.optim.LearningRateSchedule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench trainer}: training-step throughput of MiniLM-L6 with LoRA r=8 (query, value), one batch of 16 rows ×
 * 128 tokens over three tasks (classification, tagging, regression), against the engine's own float32 GEMM
 * throughput on the model's matrix shapes, measured in the same run.
 *
 * <p>Each round times one pass of the GEMM reference (every shape, {@code --gemm-reps} times), then one step of
 * each strategy's model, then one full fine-tuning step: rounds interleave all measurements, so load from other
 * processes on the shared cores spreads over all of them. Figures are medians over the measured rounds. Model
 * FLOPs are counted by {@link TrainerFlops}; the RESULT is the equal-weighting LoRA step's model FLOP/s over the
 * weighted GEMM FLOP/s.
 */
@Command(name = "trainer", mixinStandardHelpOptions = true,
        description = "training-step model FLOP/s (MiniLM, LoRA r=8, 16x128, three tasks) vs the engine's float32 "
                + "GEMM FLOP/s on the model's matrix shapes, PCGrad/CAGrad/FAMO step time vs equal weighting, and "
                + "full fine-tuning.")
public final class TrainerBench extends CommandSupport.Action {
    static final int BATCH = 16;
    static final int SEQ = 128;
    static final int LORA_RANK = 8;
    static final float LORA_ALPHA = 16f;
    static final float LORA_DROPOUT = 0.1f;
    static final double LORA_LR = 5e-4;
    static final double FULL_LR = 5e-5;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "8",
            description = "Measured rounds: one step of each model per round (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "2",
            description = "Warm-up rounds, not measured (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--strategies", paramLabel = "LIST", defaultValue = "equal,pcgrad,cagrad,famo", split = ",",
            description = "Weighting strategies, each on its own LoRA model; equal is always measured "
                    + "(default: ${DEFAULT-VALUE}).")
    List<String> strategies;

    @Option(names = "--no-full", description = "Skip the full fine-tuning model.")
    boolean noFull;

    @Option(names = "--profile", paramLabel = "FILE", description = "After the measured rounds, run one more step of "
            + "the equal LoRA model under PyTorch's profiler and write its trace (Chrome trace JSON) to FILE.")
    Path profile;

    @Option(names = "--gemm-reps", paramLabel = "N", defaultValue = "3",
            description = "GEMM repetitions of each shape per round (default: ${DEFAULT-VALUE}).")
    int gemmReps;

    @Override
    protected int execute(PrintWriter out) throws Exception {
        if (steps < 1 || warmup < 0 || gemmReps < 1) {
            throw new CliException("--steps and --gemm-reps must be at least 1, --warmup at least 0");
        }
        List<String> names = new ArrayList<>(List.of("equal"));
        for (String s : strategies) {
            String name = s.trim().toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && !names.contains(name)) {
                names.add(name);
            }
        }
        List<TaskPlan> tasks = List.of(
                task("sentiment", TaskType.TEXT_CLASSIFICATION, "negative", "positive"),
                task("pos", TaskType.TOKEN_CLASSIFICATION, "DET", "NOUN", "VERB", "ADJ", "."),
                task("score", TaskType.REGRESSION));
        BertWeights miniLm = OnnxBertReader.readMiniLm().weights();
        BertConfig config = miniLm.config();
        TrainerFlops.Encoder encoder = new TrainerFlops.Encoder(config.layers(), config.hidden(),
                config.intermediate(), config.heads());
        AdapterSpec lora = AdapterSpec.lora(LORA_RANK, LORA_ALPHA, LORA_DROPOUT, LoraTarget.QUERY, LoraTarget.VALUE);
        int loraTargets = 2;
        long tokens = (long) BATCH * SEQ;

        try (BertTokenization tokenization = BertTokenization.miniLm();
             NDManager manager = NDManager.newBaseManager("PyTorch")) {
            AssembledBatch batch = new BatchAssembler(tasks, tokenization, null).assemble(batch());
            for (TaskBatch t : batch.tasks()) {
                if (t.inputs().length() != SEQ) {
                    throw new IllegalStateException("task " + t.taskId() + " rows have " + t.inputs().length()
                            + " tokens, expected " + SEQ);
                }
            }
            List<TrainerFlops.Head> heads = new ArrayList<>();
            for (TaskBatch t : batch.tasks()) {
                TaskPlan plan = tasks.get(t.taskIndex());
                int labels = plan.taskType() == TaskType.REGRESSION ? 1 : plan.labels().size();
                long rows = plan.taskType() == TaskType.TOKEN_CLASSIFICATION ? (long) t.size() * SEQ : t.size();
                heads.add(new TrainerFlops.Head(rows, config.hidden(), labels));
            }
            double forward = TrainerFlops.forward(encoder, BATCH, SEQ, loraTargets, LORA_RANK, heads);
            double forwardFull = TrainerFlops.forward(encoder, BATCH, SEQ, 0, 0, heads);
            double loraStepFlops = TrainerFlops.ADAPTER_MULTIPLIER * forward;
            double fullStepFlops = TrainerFlops.FULL_MULTIPLIER * forwardFull;

            System.out.printf(Locale.ROOT, "bench trainer: MiniLM-L6 (%d layers, hidden %d, intermediate %d, %d heads),"
                            + " LoRA r=%d on query+value, batch %d x %d tokens, tasks %s; %d warm-up + %d measured"
                            + " rounds of GEMM reference, %s%s%n", config.layers(), config.hidden(),
                    config.intermediate(), config.heads(), LORA_RANK, BATCH, SEQ,
                    batch.tasks().stream().map(t -> t.taskId() + "=" + t.size()).toList(), warmup, steps, names,
                    noFull ? "" : ", full fine-tuning");
            System.out.flush();

            List<int[]> shapes = TrainerFlops.layerShapes(encoder);
            List<NDArray[]> gemmInputs = new ArrayList<>();
            for (int[] s : shapes) {
                gemmInputs.add(new NDArray[] {
                    manager.randomUniform(-1f, 1f, new Shape(tokens, s[0]), DataType.FLOAT32),
                    manager.randomUniform(-1f, 1f, new Shape(s[0], s[1]), DataType.FLOAT32)});
            }

            List<MultiTaskModel> models = new ArrayList<>();
            List<AdamW> optimizers = new ArrayList<>();
            List<TrainingStep> trainingSteps = new ArrayList<>();
            List<String> labels = new ArrayList<>(names);
            try {
                for (String name : names) {
                    MultiTaskModel model = MultiTaskModel.create(manager, miniLm, EncoderOptions.of(lora), tasks, 1);
                    models.add(model);
                    AdamW adamW = new AdamW(model.manager(), AdamWSettings.DEFAULTS,
                            LearningRateSchedule.constant(LORA_LR));
                    optimizers.add(adamW);
                    trainingSteps.add(new TrainingStep(model, adamW,
                            TaskWeightings.create(name, null, tasks.size(), null, 1, LORA_LR), 1, Map.of()));
                }
                if (!noFull) {
                    MultiTaskModel model = MultiTaskModel.create(manager, miniLm,
                            EncoderOptions.of(AdapterSpec.full()), tasks, 1);
                    models.add(model);
                    AdamW adamW = new AdamW(model.manager(), AdamWSettings.DEFAULTS,
                            LearningRateSchedule.constant(FULL_LR));
                    optimizers.add(adamW);
                    trainingSteps.add(new TrainingStep(model, adamW,
                            TaskWeightings.create("equal", null, tasks.size(), null, 1, FULL_LR), 1, Map.of()));
                    labels.add("full");
                }
                boolean[] pulling = new boolean[tasks.size()];
                Arrays.fill(pulling, true);
                List<List<Double>> gemmSeconds = new ArrayList<>();
                shapes.forEach(s -> gemmSeconds.add(new ArrayList<>()));
                List<List<Double>> stepSeconds = new ArrayList<>();
                labels.forEach(l -> stepSeconds.add(new ArrayList<>()));
                for (int round = 1; round <= warmup + steps; round++) {
                    boolean measured = round > warmup;
                    for (int i = 0; i < shapes.size(); i++) {
                        NDArray[] in = gemmInputs.get(i);
                        long start = System.nanoTime();
                        for (int r = 0; r < gemmReps; r++) {
                            in[0].matMul(in[1]).close();
                        }
                        double s = (System.nanoTime() - start) / 1e9 / gemmReps;
                        if (measured) {
                            gemmSeconds.get(i).add(s);
                        }
                    }
                    for (int k = 0; k < trainingSteps.size(); k++) {
                        long start = System.nanoTime();
                        trainingSteps.get(k).run(batch, round, pulling, false);
                        double s = (System.nanoTime() - start) / 1e9;
                        if (measured) {
                            stepSeconds.get(k).add(s);
                        }
                    }
                    System.err.printf(Locale.ROOT, "round %d/%d%s%n", round, warmup + steps,
                            measured ? "" : " (warm-up)");
                }

                if (profile != null) {
                    JniUtils.startProfile(false, true, false);
                    trainingSteps.get(0).run(batch, warmup + steps + 1, pulling, false);
                    JniUtils.stopProfile(profile.toAbsolutePath().toString());
                    System.out.printf(Locale.ROOT, "profile=%s%n", profile.toAbsolutePath());
                }
                double[] rates = new double[shapes.size()];
                for (int i = 0; i < shapes.size(); i++) {
                    int[] s = shapes.get(i);
                    rates[i] = TrainerFlops.matmul(tokens, s[0], s[1]) / median(gemmSeconds.get(i));
                }
                double gemm = TrainerFlops.weightedRate(tokens, shapes, rates);
                double equal = median(stepSeconds.get(0));
                double modelRate = loraStepFlops / equal;

                System.out.printf(Locale.ROOT, "batch_rows=%d%n", batch.exampleCount());
                System.out.printf(Locale.ROOT, "malloc_tuned=%b%n", NativeAllocator.tuned());
                System.out.printf(Locale.ROOT, "dropout_masks=%s%n", Dropouts.drawsWithVectors() ? "vector" : "scalar");
                System.out.printf(Locale.ROOT, "tokens_per_step=%d%n", tokens);
                System.out.printf(Locale.ROOT, "steps=%d%n", steps);
                System.out.printf(Locale.ROOT, "warmup=%d%n", warmup);
                for (int i = 0; i < shapes.size(); i++) {
                    int[] s = shapes.get(i);
                    System.out.printf(Locale.ROOT, "gemm_flops_per_s_%dx%dx%d=%.4g%n", tokens, s[0], s[1], rates[i]);
                }
                System.out.printf(Locale.ROOT, "gemm_flops_per_s=%.4g%n", gemm);
                System.out.printf(Locale.ROOT, "model_flops_forward=%.4g%n", forward);
                System.out.printf(Locale.ROOT, "model_flops_per_step=%.4g%n", loraStepFlops);
                for (int k = 0; k < labels.size(); k++) {
                    if (labels.get(k).equals("full")) {
                        continue;
                    }
                    System.out.printf(Locale.ROOT, "step_s_%s=%.3f%n", labels.get(k), median(stepSeconds.get(k)));
                    System.out.printf(Locale.ROOT, "step_s_%s_all=%s%n", labels.get(k), list(stepSeconds.get(k)));
                }
                System.out.printf(Locale.ROOT, "samples_per_s=%.2f%n", batch.exampleCount() / equal);
                System.out.printf(Locale.ROOT, "tokens_per_s=%.0f%n", tokens / equal);
                System.out.printf(Locale.ROOT, "model_flops_per_s=%.4g%n", modelRate);
                for (int k = 1; k < labels.size(); k++) {
                    if (!labels.get(k).equals("full")) {
                        System.out.printf(Locale.ROOT, "%s_vs_equal=%.3f%n", labels.get(k),
                                median(stepSeconds.get(k)) / equal);
                        System.out.printf(Locale.ROOT, "%s_vs_equal_paired=%.3f%n", labels.get(k),
                                pairedRatio(stepSeconds.get(k), stepSeconds.get(0)));
                    }
                }
                int full = labels.indexOf("full");
                if (full >= 0) {
                    double fullSeconds = median(stepSeconds.get(full));
                    System.out.printf(Locale.ROOT, "full_finetune_model_flops_per_step=%.4g%n", fullStepFlops);
                    System.out.printf(Locale.ROOT, "full_finetune_step_s=%.3f%n", fullSeconds);
                    System.out.printf(Locale.ROOT, "full_finetune_step_s_all=%s%n", list(stepSeconds.get(full)));
                    System.out.printf(Locale.ROOT, "full_finetune_samples_per_s=%.2f%n",
                            batch.exampleCount() / fullSeconds);
                    System.out.printf(Locale.ROOT, "full_finetune_model_flops_per_s=%.4g%n",
                            fullStepFlops / fullSeconds);
                    System.out.printf(Locale.ROOT, "full_finetune_mfu_vs_gemm=%.3f%n",
                            fullStepFlops / fullSeconds / gemm);
                }
                System.out.printf(Locale.ROOT, "RESULT trainer mfu_vs_gemm=%.3f%n", modelRate / gemm);
                System.out.flush();
            } finally {
                optimizers.forEach(AdamW::close);
                models.forEach(MultiTaskModel::close);
                gemmInputs.forEach(a -> Arrays.stream(a).forEach(NDArray::close));
            }
        }
        return 0;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The median of the per-round ratios: each round's step against equal's step of the same round. */
    static double pairedRatio(List<Double> steps, List<Double> equal) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            ratios.add(steps.get(i) / equal.get(i));
        }
        return median(ratios);
    }

    private static String list(List<Double> values) {
        return String.join(",", values.stream().map(v -> String.format(Locale.ROOT, "%.3f", v)).toList());
    }

    private static TaskPlan task(String id, TaskType type, String... labels) {
        return new TaskPlan(id, type, List.of(id + "-data"), Arrays.asList(labels), 1.0, 100, 100, 1.0, 10);
    }

    /** 16 rows, every one truncated at 128 tokens: 6 classification, 5 tagging, 5 regression. */
    private static TrainingBatch batch() {
        String longText = String.join(" ", Collections.nCopies(200, "word"));
        List<String> words = Collections.nCopies(200, "word");
        List<String> tags = Collections.nCopies(200, "NOUN");
        List<StandardExample> rows = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            rows.add(switch (i % 3) {
                case 0 -> example("c" + i, "sentiment", TaskType.TEXT_CLASSIFICATION, ExampleInput.text(longText),
                        ExampleTarget.label(i % 2 == 0 ? "positive" : "negative"));
                case 1 -> example("t" + i, "pos", TaskType.TOKEN_CLASSIFICATION, ExampleInput.tokens(words),
                        ExampleTarget.tags(tags));
                default -> example("r" + i, "score", TaskType.REGRESSION, ExampleInput.text(longText),
                        ExampleTarget.value(i * 0.1));
            });
        }
        return new TrainingBatch(1, "bench", "bench", 0, TrainingBatch.Kind.TRAIN, 1, 0, false, rows);
    }

    private static StandardExample example(String id, String task, TaskType type, ExampleInput in,
                                           ExampleTarget out) {
        return new StandardExample(1, id, task + "-data", task, type, Split.TRAIN, in, out, null, null, "en", null,
                null);
    }
}
