package io.multitune.cli.bench;

import ai.djl.ndarray.NDManager;
import ai.onnxruntime.OrtEnvironment;
import io.multitune.cli.common.CliException;
import io.multitune.cli.common.CommandSupport;
import io.multitune.cli.common.ProjectLayout;
import io.multitune.encoder.model.AdapterSpec;
import io.multitune.encoder.model.EncoderOptions;
import io.multitune.encoder.onnx.OnnxBertReader;
import io.multitune.encoder.onnx.OnnxMultiTaskWriter;
import io.multitune.encoder.tokens.BertTokenization;
import io.multitune.encoder.tokens.EncodedBatch;
import io.multitune.encoder.weights.BertConfig;
import io.multitune.encoder.weights.BertWeights;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.StandardExample;
import io.multitune.events.TaskType;
import io.multitune.events.TrainingBatch;
import io.multitune.sampling.request.RunDefaults;
import io.multitune.scoring.ModelScorer;
import io.multitune.scoring.TaskPredictions;
import io.multitune.scoring.TaskScores;
import io.multitune.training.MultiTaskModel;
import io.multitune.training.batch.BatchAssembler;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench evaluator}: the evaluator's scoring path ({@link ModelScorer#score} then {@link ModelScorer#metrics},
 * tokenisation included) against a bare ONNX Runtime loop ({@link EvaluatorRawOrt}) over the same model, the same
 * sentences, the same batches and the same session settings, measured in the same JVM.
 *
 * <p>The model is the default base model, all-MiniLM-L6-v2, with one untrained 2-label sentence-classification head,
 * built by the trainer's {@link MultiTaskModel} and written by {@link OnnxMultiTaskWriter} (what {@code JobArtifacts}
 * writes) to a temporary file: the bench measures throughput, its predictions are meaningless. The sentences are the
 * demo's real sentiment sentences ({@link EvaluatorSentences}).
 *
 * <p>Both paths split the sentences into the same consecutive batches of {@code --batch-size}, each padded to its
 * longest sentence (the trainer's {@link BatchAssembler}, which the scorer uses): the raw loop's batches are
 * tokenised by that assembler once, before timing. Rounds alternate the two paths (which goes first alternates too),
 * so load from other processes on the shared cores falls on both; figures are medians over the measured rounds, and
 * the RESULT is the evaluator's median sentences/s over the raw loop's.
 */
@Command(name = "evaluator", mixinStandardHelpOptions = true,
        description = "the evaluator's scoring path (ModelScorer: tokenise, run, predictions, metrics) vs a bare "
                + "ONNX Runtime loop over the same pre-tokenised batches: MiniLM-L6 with a sentiment head, the "
                + "demo's real sentences.")
public final class EvaluatorBench extends CommandSupport.Action {
    static final long SEED = 42;

    @Option(names = "--sentences", paramLabel = "N", defaultValue = "512",
            description = "Sentences scored per pass (default: ${DEFAULT-VALUE}).")
    int sentences;

    @Mixin
    OrtBenchOptions ort;

    /** How a measurement is run. */
    record Settings(int batchSize, int threads, int warmup, int rounds) {
        Settings {
            if (batchSize < 1 || threads < 0 || warmup < 0 || rounds < 1) {
                throw new CliException("--batch-size and --rounds must be at least 1, --threads and --warmup at "
                        + "least 0");
            }
        }
    }

    /** The figures: sentences per second of each path (medians) and their ratio. */
    record Figures(double rawSentencesPerSecond, double evaluatorSentencesPerSecond, double ratio) {
    }

    @Override
    protected int execute(PrintWriter out) throws Exception {
        if (sentences < 1) {
            throw new CliException("--sentences must be at least 1");
        }
        Settings settings = new Settings(ort.batchSize, ort.threads, ort.warmup, ort.rounds);
        ProjectLayout layout = ProjectLayout.detect();
        EvaluatorSentences.Loaded loaded = EvaluatorSentences.load(layout.root(),
                layout.stateDir().resolve("demo-data"), line -> System.err.println(line));
        List<StandardExample> examples = EvaluatorSentences.examples(loaded.sentences(), sentences);
        String source = loaded.source() + (sentences > loaded.sentences().size()
                ? "; " + loaded.sentences().size() + " distinct, repeated to " + sentences : "");
        Path dir = Files.createTempDirectory("multitune-bench-evaluator-");
        try {
            measure(settings, examples, source, dir, out, System.err);
        } finally {
            ProjectLayout.deleteTree(dir);
        }
        return 0;
    }

    /** The single task of the bench model: sentiment, negative/positive. */
    static TaskPlan task() {
        return new TaskPlan(EvaluatorSentences.TASK, TaskType.TEXT_CLASSIFICATION,
                List.of(EvaluatorSentences.TASK + "-data"), EvaluatorSentences.LABELS, 1.0, 100, 100, 1.0, 10);
    }

    /**
     * Builds the model in {@code workDir}, runs both paths and prints the figures to {@code out}, the RESULT line
     * last; progress goes to {@code progress}.
     */
    static Figures measure(Settings s, List<StandardExample> examples, String source, Path workDir, PrintWriter out,
                           PrintStream progress) throws Exception {
        List<TaskPlan> tasks = List.of(task());
        Path modelFile = workDir.resolve("model.onnx");
        long start = System.nanoTime();
        BertConfig config = writeModel(modelFile, tasks);
        progress.printf(Locale.ROOT, "model written in %.1f s%n", (System.nanoTime() - start) / 1e9);

        try (BertTokenization tokens = BertTokenization.miniLm();
             ModelScorer scorer = ModelScorer.open(modelFile, s.threads(), tokens, null, tasks)) {
            String output = scorer.heads().get(0).output();
            // The raw loop's batches: the same consecutive chunks the scorer makes, encoded by the same assembler.
            BatchAssembler assembler = new BatchAssembler(tasks, tokens, null);
            List<EncodedBatch> batches = new ArrayList<>();
            long tokenisationStart = System.nanoTime();
            for (int from = 0; from < examples.size(); from += s.batchSize()) {
                List<StandardExample> part = examples.subList(from, Math.min(examples.size(), from + s.batchSize()));
                batches.add(assembler.assemble(new TrainingBatch(TrainingBatch.SCHEMA_VERSION, "bench", "bench",
                        batches.size(), TrainingBatch.Kind.VALIDATION, 0, 0, false, part)).tasks().get(0).inputs());
            }
            double tokenisationSeconds = (System.nanoTime() - tokenisationStart) / 1e9;
            long padded = 0;
            long real = 0;
            int longest = 0;
            for (EncodedBatch b : batches) {
                padded += (long) b.size() * b.length();
                longest = Math.max(longest, b.length());
                for (int r = 0; r < b.size(); r++) {
                    real += b.realTokens(r);
                }
            }

            out.printf(Locale.ROOT, "bench evaluator: %s (%d layers, hidden %d) + one untrained 2-label sentiment "
                            + "head, written by OnnxMultiTaskWriter (throughput only: its predictions are "
                            + "meaningless); %d real sentences in batches of %d; %d warm-up + %d measured rounds, "
                            + "raw ONNX Runtime loop and ModelScorer alternating%n", RunDefaults.BASE_MODEL,
                    config.layers(), config.hidden(), examples.size(), s.batchSize(), s.warmup(), s.rounds());
            out.printf(Locale.ROOT, "model=%s+sentiment-head(2 labels, untrained)%n", RunDefaults.BASE_MODEL);
            out.printf(Locale.ROOT, "model_file_bytes=%d%n", Files.size(modelFile));
            out.printf(Locale.ROOT, "sentences=%d%n", examples.size());
            out.printf(Locale.ROOT, "sentences_source=%s%n", source);
            out.printf(Locale.ROOT, "batch_size=%d%n", s.batchSize());
            out.printf(Locale.ROOT, "batches=%d%n", batches.size());
            out.printf(Locale.ROOT, "padding=longest in batch, max %d tokens (both paths)%n", tokens.maxLength());
            out.printf(Locale.ROOT, "tokens_real=%d%n", real);
            out.printf(Locale.ROOT, "tokens_padded=%d%n", padded);
            out.printf(Locale.ROOT, "longest_batch_tokens=%d%n", longest);
            out.printf(Locale.ROOT, "intra_op_threads=%s%n", s.threads() == 0
                    ? "0 (ONNX Runtime's choice)" : String.valueOf(s.threads()));
            out.printf(Locale.ROOT, "available_processors=%d%n", Runtime.getRuntime().availableProcessors());
            out.printf(Locale.ROOT, "execution_provider=%s%n", scorer.executionProvider());
            out.printf(Locale.ROOT, "onnxruntime_version=%s%n", OrtEnvironment.getEnvironment().getVersion());
            out.printf(Locale.ROOT, "warmup=%d%n", s.warmup());
            out.printf(Locale.ROOT, "rounds=%d%n", s.rounds());
            out.flush();

            try (EvaluatorRawOrt raw = EvaluatorRawOrt.open(modelFile, s.threads(), scorer.executionProvider(),
                    output, batches)) {
                List<Double> rawSeconds = new ArrayList<>();
                List<Double> scorerSeconds = new ArrayList<>();
                long sink = 0;
                double accuracy = Double.NaN;
                for (int round = 1; round <= s.warmup() + s.rounds(); round++) {
                    boolean measured = round > s.warmup();
                    double rawS = 0;
                    double scorerS = 0;
                    for (int k = 0; k < 2; k++) {
                        boolean rawTurn = (k == 0) == (round % 2 == 1);
                        long t0 = System.nanoTime();
                        if (rawTurn) {
                            sink += raw.pass();
                            rawS = (System.nanoTime() - t0) / 1e9;
                        } else {
                            Map<String, TaskPredictions> predictions = scorer.score(examples, s.batchSize());
                            TaskScores scores = scorer.metrics(predictions.get(EvaluatorSentences.TASK));
                            scorerS = (System.nanoTime() - t0) / 1e9;
                            if (scores.examples() != examples.size()) {
                                throw new IllegalStateException("the scorer scored " + scores.examples() + " of "
                                        + examples.size() + " sentences");
                            }
                            accuracy = scores.primaryValue();
                        }
                    }
                    if (measured) {
                        rawSeconds.add(rawS);
                        scorerSeconds.add(scorerS);
                    }
                    progress.printf(Locale.ROOT, "round %d/%d%s: raw %.2f s, evaluator %.2f s%n", round,
                            s.warmup() + s.rounds(), measured ? "" : " (warm-up)", rawS, scorerS);
                }
                if (sink != (long) batches.size() * (s.warmup() + s.rounds())) {
                    throw new IllegalStateException("the raw loop produced " + sink + " outputs");
                }
                int n = examples.size();
                double rawRate = n / median(rawSeconds);
                double scorerRate = n / median(scorerSeconds);
                double rawBest = n / Collections.min(rawSeconds);
                double scorerBest = n / Collections.min(scorerSeconds);
                List<Double> paired = new ArrayList<>();
                for (int i = 0; i < rawSeconds.size(); i++) {
                    paired.add(rawSeconds.get(i) / scorerSeconds.get(i));
                }
                double ratio = scorerRate / rawRate;
                out.printf(Locale.ROOT, "raw_ort_s_all=%s%n", list(rawSeconds));
                out.printf(Locale.ROOT, "evaluator_s_all=%s%n", list(scorerSeconds));
                out.printf(Locale.ROOT, "evaluator_tokenisation_s=%.3f%n", tokenisationSeconds);
                out.printf(Locale.ROOT, "evaluator_accuracy=%.3f (untrained head)%n", accuracy);
                out.printf(Locale.ROOT, "raw_ort_sentences_per_s=%.1f%n", rawRate);
                out.printf(Locale.ROOT, "evaluator_sentences_per_s=%.1f%n", scorerRate);
                out.printf(Locale.ROOT, "raw_ort_sentences_per_s_best=%.1f%n", rawBest);
                out.printf(Locale.ROOT, "evaluator_sentences_per_s_best=%.1f%n", scorerBest);
                out.printf(Locale.ROOT, "ratio_best=%.3f%n", scorerBest / rawBest);
                out.printf(Locale.ROOT, "ratio_paired_median=%.3f%n", median(paired));
                out.printf(Locale.ROOT, "RESULT evaluator ratio_vs_raw_ort=%.3f%n", ratio);
                out.flush();
                return new Figures(rawRate, scorerRate, ratio);
            }
        }
    }

    /**
     * all-MiniLM-L6-v2 with an untrained sentiment head, as the trainer exports a job's model ({@code JobArtifacts}:
     * {@link MultiTaskModel#export} then {@link OnnxMultiTaskWriter}).
     */
    static BertConfig writeModel(Path file, List<TaskPlan> tasks) throws IOException {
        BertWeights miniLm = OnnxBertReader.readMiniLm().weights();
        try (NDManager manager = NDManager.newBaseManager("PyTorch");
             MultiTaskModel model = MultiTaskModel.create(manager, miniLm,
                     EncoderOptions.withoutDropout(AdapterSpec.full()), tasks, SEED)) {
            MultiTaskModel.Exported exported = model.export();
            OnnxMultiTaskWriter.write(exported.encoder(), exported.heads(), file);
        }
        return miniLm.config();
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String list(List<Double> values) {
        return String.join(",", values.stream().map(v -> String.format(Locale.ROOT, "%.3f", v)).toList());
    }
}
