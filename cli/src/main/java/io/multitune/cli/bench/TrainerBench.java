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
import io.multitune.training.batch.AssembledBatch;
import io.multitune.training.batch.BatchAssembler;
import io.multitune.training.batch.TaskBatch;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench trainer}: training-step throughput of MiniLM-L6 with LoRA r=8 (query, value), one batch of 16 rows ×
 * 128 tokens over three tasks (classification, tagging, regression), against the engine's own float32 GEMM
 * throughput on the model's matrix shapes, measured in the same run.
 *
 * <p>Three phases, each of {@code --warmup} then {@code --steps} rounds. Throughput: a pass of the GEMM reference
 * (every shape, {@code --gemm-reps} times) then one step of the equal-weighting model, so that the model steps back
 * to back as a trainer runs a job, and load from other processes spreads over the step and its reference alike.
 * Strategies: one step of each strategy's model per round, for the step-time ratios against equal weighting.
 * Full fine-tuning: its own reference pass and step per round. Figures are medians over the measured rounds; model
 * FLOPs are counted by {@link TrainerFlops}; the RESULT is the throughput phase's model FLOP/s over its weighted
 * GEMM FLOP/s.
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
                            + " LoRA r=%d on query+value, batch %d x %d tokens, tasks %s; phases: GEMM reference +"
                            + " equal step, strategies %s%s; %d warm-up + %d measured rounds each%n", config.layers(),
                    config.hidden(), config.intermediate(), config.heads(), LORA_RANK, BATCH, SEQ,
                    batch.tasks().stream().map(t -> t.taskId() + "=" + t.size()).toList(), names,
                    noFull ? "" : ", GEMM reference + full fine-tuning step", warmup, steps);
            System.out.flush();

            List<int[]> shapes = TrainerFlops.layerShapes(encoder);
            List<NDArray[]> gemmInputs = new ArrayList<>();
            for (int[] s : shapes) {
                gemmInputs.add(new NDArray[] {
                    manager.randomUniform(-1f, 1f, new Shape(tokens, s[0]), DataType.FLOAT32),
                    manager.randomUniform(-1f, 1f, new Shape(s[0], s[1]), DataType.FLOAT32)});
            }

            boolean[] pulling = new boolean[tasks.size()];
            Arrays.fill(pulling, true);
            List<BenchModel> models = new ArrayList<>();
            try {
                BenchModel equal = BenchModel.lora(manager, miniLm, lora, tasks, "equal");
                models.add(equal);
                GemmReference reference = new GemmReference(gemmInputs, shapes, tokens, gemmReps, warmup);
                List<List<Double>> throughput = rounds("throughput",
                        List.of(reference::pass, equal.step(batch, pulling)));
                List<Double> equalSeconds = throughput.get(1);

                List<List<Double>> strategySeconds = List.of();
                if (names.size() > 1) {
                    List<Runnable> strategySteps = new ArrayList<>(List.of(equal.step(batch, pulling)));
                    for (String name : names.subList(1, names.size())) {
                        BenchModel model = BenchModel.lora(manager, miniLm, lora, tasks, name);
                        models.add(model);
                        strategySteps.add(model.step(batch, pulling));
                    }
                    strategySeconds = rounds("strategies", strategySteps);
                    closeAllBut(models, equal);
                }

                List<Double> fullSeconds = List.of();
                GemmReference fullReference = null;
                if (!noFull) {
                    BenchModel full = BenchModel.full(manager, miniLm, tasks);
                    models.add(full);
                    fullReference = new GemmReference(gemmInputs, shapes, tokens, gemmReps, warmup);
                    fullSeconds = rounds("full fine-tuning",
                            List.of(fullReference::pass, full.step(batch, pulling))).get(1);
                    closeAllBut(models, equal);
                }

                if (profile != null) {
                    JniUtils.startProfile(false, true, false);
                    equal.step(batch, pulling).run();
                    JniUtils.stopProfile(profile.toAbsolutePath().toString());
                    System.out.printf(Locale.ROOT, "profile=%s%n", profile.toAbsolutePath());
                }
                double[] rates = reference.rates();
                double gemm = reference.weightedRate();
                double equalStep = median(equalSeconds);
                double modelRate = loraStepFlops / equalStep;

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
                System.out.printf(Locale.ROOT, "step_s_equal=%.3f%n", equalStep);
                System.out.printf(Locale.ROOT, "step_s_equal_all=%s%n", list(equalSeconds));
                System.out.printf(Locale.ROOT, "samples_per_s=%.2f%n", batch.exampleCount() / equalStep);
                System.out.printf(Locale.ROOT, "tokens_per_s=%.0f%n", tokens / equalStep);
                System.out.printf(Locale.ROOT, "model_flops_per_s=%.4g%n", modelRate);
                printStrategies(names, strategySeconds);
                if (fullReference != null) {
                    printFull(fullSeconds, fullStepFlops, fullReference.weightedRate(), batch.exampleCount());
                }
                System.out.printf(Locale.ROOT, "RESULT trainer mfu_vs_gemm=%.3f%n", modelRate / gemm);
                System.out.flush();
            } finally {
                models.forEach(BenchModel::close);
                gemmInputs.forEach(a -> Arrays.stream(a).forEach(NDArray::close));
            }
        }
        return 0;
    }

    /**
     * Runs {@code --warmup} then {@code --steps} rounds of the actions, in order, and returns each action's measured
     * seconds per round. Interleaving spreads the load of other processes over all the actions of a phase alike.
     */
    private List<List<Double>> rounds(String phase, List<Runnable> actions) {
        List<List<Double>> seconds = new ArrayList<>();
        actions.forEach(a -> seconds.add(new ArrayList<>()));
        for (int round = 1; round <= warmup + steps; round++) {
            boolean measured = round > warmup;
            for (int k = 0; k < actions.size(); k++) {
                long start = System.nanoTime();
                actions.get(k).run();
                if (measured) {
                    seconds.get(k).add((System.nanoTime() - start) / 1e9);
                }
            }
            System.err.printf(Locale.ROOT, "%s: round %d/%d%s%n", phase, round, warmup + steps,
                    measured ? "" : " (warm-up)");
        }
        return seconds;
    }

    private static void printStrategies(List<String> names, List<List<Double>> seconds) {
        if (seconds.isEmpty()) {
            return;
        }
        List<Double> equal = seconds.get(0);
        System.out.printf(Locale.ROOT, "step_s_equal_interleaved=%.3f%n", median(equal));
        for (int k = 1; k < names.size(); k++) {
            String name = names.get(k);
            System.out.printf(Locale.ROOT, "step_s_%s=%.3f%n", name, median(seconds.get(k)));
            System.out.printf(Locale.ROOT, "step_s_%s_all=%s%n", name, list(seconds.get(k)));
            System.out.printf(Locale.ROOT, "%s_vs_equal=%.3f%n", name, median(seconds.get(k)) / median(equal));
            System.out.printf(Locale.ROOT, "%s_vs_equal_paired=%.3f%n", name, pairedRatio(seconds.get(k), equal));
        }
    }

    private static void printFull(List<Double> seconds, double stepFlops, double gemm, int rows) {
        double step = median(seconds);
        System.out.printf(Locale.ROOT, "full_finetune_model_flops_per_step=%.4g%n", stepFlops);
        System.out.printf(Locale.ROOT, "full_finetune_step_s=%.3f%n", step);
        System.out.printf(Locale.ROOT, "full_finetune_step_s_all=%s%n", list(seconds));
        System.out.printf(Locale.ROOT, "full_finetune_samples_per_s=%.2f%n", rows / step);
        System.out.printf(Locale.ROOT, "full_finetune_gemm_flops_per_s=%.4g%n", gemm);
        System.out.printf(Locale.ROOT, "full_finetune_model_flops_per_s=%.4g%n", stepFlops / step);
        System.out.printf(Locale.ROOT, "full_finetune_mfu_vs_gemm=%.3f%n", stepFlops / step / gemm);
    }

    private static void closeAllBut(List<BenchModel> models, BenchModel kept) {
        models.removeIf(m -> {
            if (m != kept) {
                m.close();
                return true;
            }
            return false;
        });
    }

    /** The GEMM reference: each of the model's matrix shapes, {@code reps} times per pass. */
    private static final class GemmReference {
        private final List<NDArray[]> inputs;
        private final List<int[]> shapes;
        private final long tokens;
        private final int reps;
        private final int warmup;
        private final List<List<Double>> seconds = new ArrayList<>();

        GemmReference(List<NDArray[]> inputs, List<int[]> shapes, long tokens, int reps, int warmup) {
            this.inputs = inputs;
            this.shapes = shapes;
            this.tokens = tokens;
            this.reps = reps;
            this.warmup = warmup;
            inputs.forEach(i -> seconds.add(new ArrayList<>()));
        }

        /**
         * One pass over the shapes, each shape's time kept (the rounds keep only the pass's total). Each shape runs
         * once untimed first: right after a training step its operands are out of the caches, and the first product
         * ran at 60-90 % of the warm rate, which understated the engine's throughput.
         */
        void pass() {
            for (int i = 0; i < inputs.size(); i++) {
                NDArray[] in = inputs.get(i);
                in[0].matMul(in[1]).close();
                long start = System.nanoTime();
                for (int r = 0; r < reps; r++) {
                    in[0].matMul(in[1]).close();
                }
                seconds.get(i).add((System.nanoTime() - start) / 1e9 / reps);
            }
        }

        /** Each shape's FLOP/s, from the median of its passes after the warm-up rounds. */
        double[] rates() {
            double[] rates = new double[shapes.size()];
            for (int i = 0; i < shapes.size(); i++) {
                int[] s = shapes.get(i);
                List<Double> all = seconds.get(i);
                rates[i] = TrainerFlops.matmul(tokens, s[0], s[1]) / median(all.subList(warmup, all.size()));
            }
            return rates;
        }

        /** The shapes' rates mixed as one layer mixes them ({@link TrainerFlops#weightedRate}). */
        double weightedRate() {
            return TrainerFlops.weightedRate(tokens, shapes, rates());
        }
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
