package io.multitune.cli.bench;

import ai.onnxruntime.OrtEnvironment;
import io.multitune.auditing.AuditSettings;
import io.multitune.auditing.AuditedModel;
import io.multitune.auditing.ModelAudit;
import io.multitune.cli.common.CliException;
import io.multitune.cli.common.CommandSupport;
import io.multitune.cli.common.ProjectLayout;
import io.multitune.encoder.tokens.BertTokenization;
import io.multitune.encoder.tokens.EncodedBatch;
import io.multitune.encoder.weights.BertConfig;
import io.multitune.events.ModelAudited;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.StandardExample;
import io.multitune.events.TrainingBatch;
import io.multitune.fairness.templates.Template;
import io.multitune.fairness.templates.Templates;
import io.multitune.fairness.terms.TermList;
import io.multitune.fairness.terms.TermLists;
import io.multitune.sampling.request.RunDefaults;
import io.multitune.scoring.ModelScorer;
import io.multitune.training.batch.BatchAssembler;
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
 * {@code bench auditor}: the bias auditor's counterfactual audit ({@link ModelAudit#audit} on one task, as the
 * service runs it: finding the test sentences that mention a listed term, swapping them, filling the templates,
 * scoring sources and counterfactuals, the flip statistics with their bootstrap intervals) against a bare ONNX
 * Runtime loop ({@link EvaluatorRawOrt}) over exactly the inputs the audit scores, in the same order and the same
 * batches, tokenised up front. Same model and sentences as {@code bench evaluator} ({@link EvaluatorBench}: MiniLM-L6
 * with an untrained 2-label sentiment head; the demo's real sentiment sentences, {@link EvaluatorSentences}).
 *
 * <p>Occlusion is off in the measured rounds ({@code explainCases} 0): it is a fixed, small number of extra inputs
 * per task whose cost is ONNX Runtime's alone. One more audit with {@code --explain-cases} after the rounds
 * reports what it adds. Rounds alternate the two paths (which goes first alternates too); figures are medians, and
 * the RESULT is the audit's model inputs per second over the raw loop's.
 */
@Command(name = "auditor", mixinStandardHelpOptions = true,
        description = "the bias auditor's counterfactual audit (ModelAudit: term search, swaps, templates, scoring, "
                + "flip statistics) vs a bare ONNX Runtime loop over the same inputs, pre-tokenised: MiniLM-L6 "
                + "with a sentiment head, the demo's real sentences.")
public final class AuditorBench extends CommandSupport.Action {
    static final long SEED = 42;

    @Option(names = "--sentences", paramLabel = "N", defaultValue = "0",
            description = "Test sentences handed to the audit, which swaps those mentioning a term; 0: all the demo "
                    + "data has (default: ${DEFAULT-VALUE}).")
    int sentences;

    @Option(names = "--max-sources", paramLabel = "N", defaultValue = "500",
            description = "The audit's cap on swapped test sentences (default: ${DEFAULT-VALUE}, the auditor's).")
    int maxSources;

    @Option(names = "--max-template-cases", paramLabel = "N", defaultValue = "200",
            description = "The audit's cap on filled templates (default: ${DEFAULT-VALUE}, the auditor's).")
    int maxTemplateCases;

    @Option(names = "--explain-cases", paramLabel = "N", defaultValue = "5",
            description = "Cases explained by occlusion in the one audit run after the rounds (default: "
                    + "${DEFAULT-VALUE}; 0: none).")
    int explainCases;

    @Mixin
    OrtBenchOptions ort;

    /** How a measurement is run. */
    record Settings(int batchSize, int threads, int warmup, int rounds, int maxSources, int maxTemplateCases,
                    int explainCases) {
        Settings {
            if (batchSize < 1 || threads < 0 || warmup < 0 || rounds < 1 || maxSources < 0 || maxTemplateCases < 0
                    || explainCases < 0) {
                throw new CliException("--batch-size and --rounds must be at least 1; --threads, --warmup, "
                        + "--max-sources, --max-template-cases and --explain-cases at least 0");
            }
        }

        AuditSettings audit(int explain) {
            return AuditSettings.defaults().withBatchSize(batchSize).withCaps(maxSources, maxTemplateCases)
                    .withExplainCases(explain);
        }
    }

    /** The figures: model inputs per second of each path (medians) and their ratio. */
    record Figures(int inputs, double rawInputsPerSecond, double auditorInputsPerSecond, double ratio) {
    }

    @Override
    protected int execute(PrintWriter out) throws Exception {
        if (sentences < 0) {
            throw new CliException("--sentences must be at least 0");
        }
        Settings settings = new Settings(ort.batchSize, ort.threads, ort.warmup, ort.rounds, maxSources,
                maxTemplateCases, explainCases);
        ProjectLayout layout = ProjectLayout.detect();
        EvaluatorSentences.Loaded loaded = EvaluatorSentences.load(layout.root(),
                layout.stateDir().resolve("demo-data"), line -> System.err.println(line));
        int n = sentences == 0 ? loaded.sentences().size() : sentences;
        List<StandardExample> examples = EvaluatorSentences.examples(loaded.sentences(), n);
        String source = loaded.source() + (n > loaded.sentences().size()
                ? "; " + loaded.sentences().size() + " distinct, repeated to " + n : "");
        Path dir = Files.createTempDirectory("multitune-bench-auditor-");
        try {
            measure(settings, examples, source, dir, out, System.err);
        } finally {
            ProjectLayout.deleteTree(dir);
        }
        return 0;
    }

    /**
     * Builds the model in {@code workDir}, runs both paths and prints the figures to {@code out}, the RESULT line
     * last; progress goes to {@code progress}.
     */
    static Figures measure(Settings s, List<StandardExample> examples, String source, Path workDir, PrintWriter out,
                           PrintStream progress) throws Exception {
        TaskPlan task = EvaluatorBench.task();
        List<TaskPlan> tasks = List.of(task);
        Map<String, List<StandardExample>> test = Map.of(task.taskId(), examples);
        Path modelFile = workDir.resolve("model.onnx");
        long start = System.nanoTime();
        BertConfig config = EvaluatorBench.writeModel(modelFile, tasks);
        progress.printf(Locale.ROOT, "model written in %.1f s%n", (System.nanoTime() - start) / 1e9);

        TermList terms = TermLists.gender();
        List<Template> templates = Templates.bundled();
        ModelAudit audit = new ModelAudit(s.audit(0), terms, templates);

        try (BertTokenization tokens = BertTokenization.miniLm();
             ModelScorer scorer = ModelScorer.open(modelFile, s.threads(), tokens, null, tasks)) {
            String output = scorer.heads().get(0).output();
            // The raw loop's inputs: exactly the rows the audit scores (sources, then counterfactuals), in its
            // order and batches, encoded by the assembler the scorer uses.
            long casesStart = System.nanoTime();
            List<StandardExample> rows = audit.plannedInputs(task, examples, SEED);
            double casesSeconds = (System.nanoTime() - casesStart) / 1e9;
            if (rows.isEmpty()) {
                throw new CliException("no sentence mentions a listed term and no template applies: nothing to audit");
            }
            long sourcesFromTest = rows.stream().filter(r -> !r.id().contains("#cf")
                    && !r.id().startsWith("template:")).count();
            long sourcesFromTemplates = rows.stream().filter(r -> !r.id().contains("#cf")
                    && r.id().startsWith("template:")).count();
            BatchAssembler assembler = new BatchAssembler(tasks, tokens, null);
            List<EncodedBatch> batches = new ArrayList<>();
            long tokenisationStart = System.nanoTime();
            for (int from = 0; from < rows.size(); from += s.batchSize()) {
                List<StandardExample> part = rows.subList(from, Math.min(rows.size(), from + s.batchSize()));
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

            out.printf(Locale.ROOT, "bench auditor: %s (%d layers, hidden %d) + one untrained 2-label sentiment head,"
                            + " written by OnnxMultiTaskWriter (throughput only: its predictions are meaningless);"
                            + " %d real test sentences; the counterfactual audit (ModelAudit, occlusion off) vs a"
                            + " raw ONNX Runtime loop over the same %d inputs in batches of %d; %d warm-up + %d"
                            + " measured rounds, alternating%n", RunDefaults.BASE_MODEL, config.layers(),
                    config.hidden(), examples.size(), rows.size(), s.batchSize(), s.warmup(), s.rounds());
            out.printf(Locale.ROOT, "model=%s+sentiment-head(2 labels, untrained)%n", RunDefaults.BASE_MODEL);
            out.printf(Locale.ROOT, "model_file_bytes=%d%n", Files.size(modelFile));
            out.printf(Locale.ROOT, "test_sentences=%d%n", examples.size());
            out.printf(Locale.ROOT, "sentences_source=%s%n", source);
            out.printf(Locale.ROOT, "term_list=%s (shipped gendered words and given names, %d groups, %d columns)%n",
                    terms.category(), terms.groups().size(), terms.arity());
            out.printf(Locale.ROOT, "templates=shipped text-classification templates, {person} filled with the "
                    + "given-name pairs%n");
            out.printf(Locale.ROOT, "max_sources=%d%n", s.maxSources());
            out.printf(Locale.ROOT, "max_template_cases=%d%n", s.maxTemplateCases());
            out.printf(Locale.ROOT, "sources_from_test=%d%n", sourcesFromTest);
            out.printf(Locale.ROOT, "sources_from_templates=%d%n", sourcesFromTemplates);
            out.printf(Locale.ROOT, "pairs=%d%n", rows.size() - sourcesFromTest - sourcesFromTemplates);
            out.printf(Locale.ROOT, "inputs_per_pass=%d%n", rows.size());
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
                List<Double> auditSeconds = new ArrayList<>();
                long sink = 0;
                AuditedModel last = null;
                for (int round = 1; round <= s.warmup() + s.rounds(); round++) {
                    boolean measured = round > s.warmup();
                    double rawS = 0;
                    double auditS = 0;
                    for (int k = 0; k < 2; k++) {
                        boolean rawTurn = (k == 0) == (round % 2 == 1);
                        long t0 = System.nanoTime();
                        if (rawTurn) {
                            sink += raw.pass();
                            rawS = (System.nanoTime() - t0) / 1e9;
                        } else {
                            last = audit.audit(scorer, tasks, test, SEED);
                            auditS = (System.nanoTime() - t0) / 1e9;
                            if (last.inputs() != rows.size()) {
                                throw new IllegalStateException("the audit scored " + last.inputs() + " inputs, the "
                                        + "raw loop " + rows.size());
                            }
                        }
                    }
                    if (measured) {
                        rawSeconds.add(rawS);
                        auditSeconds.add(auditS);
                    }
                    progress.printf(Locale.ROOT, "round %d/%d%s: raw %.2f s, auditor %.2f s%n", round,
                            s.warmup() + s.rounds(), measured ? "" : " (warm-up)", rawS, auditS);
                }
                if (sink != (long) batches.size() * (s.warmup() + s.rounds())) {
                    throw new IllegalStateException("the raw loop produced " + sink + " outputs");
                }
                int n = rows.size();
                double rawMedian = EvaluatorBench.median(rawSeconds);
                double auditMedian = EvaluatorBench.median(auditSeconds);
                double rawRate = n / rawMedian;
                double auditRate = n / auditMedian;
                double rawBest = n / Collections.min(rawSeconds);
                double auditBest = n / Collections.min(auditSeconds);
                List<Double> paired = new ArrayList<>();
                for (int i = 0; i < rawSeconds.size(); i++) {
                    paired.add(rawSeconds.get(i) / auditSeconds.get(i));
                }
                ModelAudited.Counterfactual cf = last.tasks().get(task.taskId()).counterfactual();

                // Occlusion, once, on top of the same audit: what explaining the most changed cases adds.
                long occlusionInputs = 0;
                double occlusionSeconds = 0;
                if (s.explainCases() > 0) {
                    AuditedModel explained = new ModelAudit(s.audit(s.explainCases()), terms, templates)
                            .audit(scorer, tasks, test, SEED);
                    occlusionInputs = explained.occlusionInputs();
                    occlusionSeconds = explained.occlusionSeconds();
                }
                // Finding, swapping and filling again, warm (the first call above paid for class loading and JIT).
                long warmStart = System.nanoTime();
                audit.plannedInputs(task, examples, SEED);
                double casesWarmSeconds = (System.nanoTime() - warmStart) / 1e9;

                out.printf(Locale.ROOT, "raw_ort_s_all=%s%n", list(rawSeconds));
                out.printf(Locale.ROOT, "auditor_s_all=%s%n", list(auditSeconds));
                out.printf(Locale.ROOT, "auditor_cases_s=%.3f (finding, swapping, filling: one plannedInputs call,"
                        + " cold)%n", casesSeconds);
                out.printf(Locale.ROOT, "auditor_cases_warm_s=%.3f (the same, warm: part of every audit pass)%n",
                        casesWarmSeconds);
                out.printf(Locale.ROOT, "auditor_tokenisation_s=%.3f (one tokenisation of every input)%n",
                        tokenisationSeconds);
                out.printf(Locale.ROOT, "auditor_flip_rate=%.4f (untrained head)%n",
                        cf.figures().get("counterfactual-flip-rate").value());
                out.printf(Locale.ROOT, "auditor_mean_prob_change=%.5f (untrained head)%n",
                        cf.figures().get("counterfactual-mean-prob-change").value());
                out.printf(Locale.ROOT, "raw_ort_inputs_per_s=%.1f%n", rawRate);
                out.printf(Locale.ROOT, "auditor_inputs_per_s=%.1f%n", auditRate);
                out.printf(Locale.ROOT, "raw_ort_inputs_per_s_best=%.1f%n", rawBest);
                out.printf(Locale.ROOT, "auditor_inputs_per_s_best=%.1f%n", auditBest);
                out.printf(Locale.ROOT, "ratio_best=%.3f%n", auditBest / rawBest);
                out.printf(Locale.ROOT, "ratio_paired_median=%.3f%n", EvaluatorBench.median(paired));
                if (s.explainCases() > 0) {
                    out.printf(Locale.ROOT, "occlusion_explain_cases=%d%n", s.explainCases());
                    out.printf(Locale.ROOT, "occlusion_inputs=%d%n", occlusionInputs);
                    out.printf(Locale.ROOT, "occlusion_s=%.3f (one audit with occlusion: its occlusion part)%n",
                            occlusionSeconds);
                    out.printf(Locale.ROOT, "occlusion_inputs_per_s=%.1f%n", occlusionSeconds > 0
                            ? occlusionInputs / occlusionSeconds : Double.NaN);
                }
                double ratio = auditRate / rawRate;
                out.printf(Locale.ROOT, "RESULT auditor ratio_vs_raw_ort=%.3f%n", ratio);
                out.flush();
                return new Figures(n, rawRate, auditRate, ratio);
            }
        }
    }

    private static String list(List<Double> values) {
        return String.join(",", values.stream().map(v -> String.format(Locale.ROOT, "%.3f", v)).toList());
    }
}
