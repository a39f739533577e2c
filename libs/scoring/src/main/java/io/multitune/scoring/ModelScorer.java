package io.multitune.scoring;

import ai.onnxruntime.OrtException;
import io.multitune.encoder.onnx.ExportedHead;
import io.multitune.encoder.onnx.HeadOutput;
import io.multitune.encoder.onnx.OrtMultiTaskRunner;
import io.multitune.encoder.onnx.OrtRunnerOptions;
import io.multitune.encoder.tokens.BertTokenization;
import io.multitune.encoder.weights.TaskHeadWeights;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.StandardExample;
import io.multitune.events.TrainingBatch;
import io.multitune.training.MalformedBatchException;
import io.multitune.training.batch.BatchAssembler;
import io.multitune.training.batch.QuestionContextTokenizer;
import io.multitune.training.batch.TaskBatch;
import io.multitune.training.batch.TaskTargets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scores an exported multi-task model ({@code OnnxMultiTaskWriter}'s file) on held-out examples of the job's tasks.
 * Examples are encoded by the trainer's own {@link BatchAssembler} (wrapped as VALIDATION batches), so tokenisation,
 * truncation, word alignment and answer spans match training exactly; each task's rows run through ONNX Runtime in
 * batches of its own, asking only for that task's output.
 *
 * <p><b>Bad examples are refused, not skipped.</b> An example of a task the job does not have, whose task type
 * differs from the plan's, or that the trainer's assembler refuses (missing field, label outside the task's labels,
 * tag count ≠ token count, answer outside the context) fails the whole {@link #score} call with a
 * {@link MalformedBatchException} naming the example id and the field — before any example runs through the model.
 *
 * <p>The scorer owns the ONNX Runtime session; the tokenizers stay the caller's (close them after the scorer).
 */
public final class ModelScorer implements AutoCloseable {

    /** SQuAD's usual cap on a predicted answer, in tokens. */
    public static final int DEFAULT_MAX_ANSWER_TOKENS = 30;

    private final OrtMultiTaskRunner runner;
    private final List<TaskPlan> tasks;
    private final Map<String, Integer> taskIndex = new HashMap<>();
    private final BatchAssembler assembler;
    private final int maxAnswerTokens;

    private ModelScorer(OrtMultiTaskRunner runner, List<TaskPlan> tasks, BatchAssembler assembler,
                        int maxAnswerTokens) {
        this.runner = runner;
        this.tasks = tasks;
        this.assembler = assembler;
        this.maxAnswerTokens = maxAnswerTokens;
        for (int i = 0; i < tasks.size(); i++) {
            taskIndex.put(tasks.get(i).taskId(), i);
        }
    }

    /**
     * Opens a model with the given intra-op thread count (0: ONNX Runtime's choice), CUDA when available, and the
     * default answer cap.
     */
    public static ModelScorer open(Path modelFile, int intraOpThreads, BertTokenization tokens,
                                   QuestionContextTokenizer questions, List<TaskPlan> tasks)
            throws ModelFileException {
        return open(modelFile, OrtRunnerOptions.defaults().withIntraOpThreads(intraOpThreads), tokens, questions,
                tasks, DEFAULT_MAX_ANSWER_TOKENS);
    }

    /**
     * Opens a model file and checks that it has a head of the right kind and labels for every task of the job.
     *
     * @param modelFile       the ONNX file
     * @param options         ONNX Runtime settings (threads, spinning, CUDA when available)
     * @param tokens          the job's tokenization (same tokenizer.json and max length as training)
     * @param questions       the QA tokenizer over the same tokenizer.json; may be null when no task is extractive QA
     * @param tasks           the job's tasks (their order does not need to match the model's heads)
     * @param maxAnswerTokens the longest answer span predicted for QA tasks
     * @throws ModelFileException when the file is missing, unreadable, not a multitune model, or lacks a task's head
     */
    public static ModelScorer open(Path modelFile, OrtRunnerOptions options, BertTokenization tokens,
                                   QuestionContextTokenizer questions, List<TaskPlan> tasks, int maxAnswerTokens)
            throws ModelFileException {
        Objects.requireNonNull(modelFile, "modelFile");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(tokens, "tokens");
        if (tasks == null || tasks.isEmpty()) {
            throw new IllegalArgumentException("the job has no tasks to score");
        }
        if (maxAnswerTokens < 1) {
            throw new IllegalArgumentException("maxAnswerTokens must be >= 1, was " + maxAnswerTokens);
        }
        List<TaskPlan> plans = List.copyOf(tasks);
        // The assembler checks the plans (duplicate ids, labels, QA tokenizer present) before the model loads.
        BatchAssembler assembler = new BatchAssembler(plans, tokens, questions);
        if (!Files.isRegularFile(modelFile)) {
            throw new ModelFileException(modelFile, Files.exists(modelFile) ? "is not a regular file"
                    : "does not exist", null);
        }
        if (!Files.isReadable(modelFile)) {
            throw new ModelFileException(modelFile, "is not readable", null);
        }
        OrtMultiTaskRunner runner;
        try {
            runner = OrtMultiTaskRunner.open(modelFile, options);
        } catch (OrtException e) {
            throw new ModelFileException(modelFile, "ONNX Runtime cannot load it (corrupt or not ONNX): "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ModelFileException(modelFile, "is not a multitune multi-task model (its head metadata: "
                    + e.getMessage() + ")", e);
        }
        try {
            for (TaskPlan plan : plans) {
                checkHead(modelFile, runner, plan);
            }
            return new ModelScorer(runner, plans, assembler, maxAnswerTokens);
        } catch (ModelFileException | RuntimeException e) {
            closeQuietly(runner, e);
            throw e;
        }
    }

    private static void checkHead(Path file, OrtMultiTaskRunner runner, TaskPlan plan) throws ModelFileException {
        ExportedHead head = runner.heads().stream().filter(h -> h.taskId().equals(plan.taskId())).findFirst()
                .orElseThrow(() -> new ModelFileException(file, "has no head for task '" + plan.taskId()
                        + "' (its heads: " + runner.heads().stream().map(ExportedHead::taskId).toList() + ")", null));
        TaskHeadWeights.Kind expected = switch (plan.taskType()) {
            case TEXT_CLASSIFICATION, TEXT_PAIR_CLASSIFICATION -> TaskHeadWeights.Kind.SEQUENCE_CLASSIFICATION;
            case TOKEN_CLASSIFICATION -> TaskHeadWeights.Kind.TOKEN_CLASSIFICATION;
            case REGRESSION -> TaskHeadWeights.Kind.REGRESSION;
            case EXTRACTIVE_QA -> TaskHeadWeights.Kind.SPAN;
            case TEXT_TO_TEXT -> throw new IllegalArgumentException("task '" + plan.taskId()
                    + "' is text-to-text: not scored by ModelScorer");
        };
        if (head.kind() != expected) {
            throw new ModelFileException(file, "the head of task '" + plan.taskId() + "' is " + head.kind()
                    + ", the job's " + plan.taskType().wireName() + " task needs " + expected, null);
        }
        boolean labelled = expected == TaskHeadWeights.Kind.SEQUENCE_CLASSIFICATION
                || expected == TaskHeadWeights.Kind.TOKEN_CLASSIFICATION;
        if (labelled && !head.labels().equals(plan.labels())) {
            throw new ModelFileException(file, "the head of task '" + plan.taskId() + "' has labels "
                    + head.labels() + ", the job plan " + plan.labels(), null);
        }
    }

    /** "CUDA" or "CPU": where ONNX Runtime runs the model ({@link OrtRunnerOptions} picks CUDA when available). */
    public String executionProvider() {
        return runner.executionProvider();
    }

    /** The job's tasks. */
    public List<TaskPlan> tasks() {
        return tasks;
    }

    /** The model's heads, in export order. */
    public List<ExportedHead> heads() {
        return runner.heads();
    }

    /**
     * Predictions for every task that has examples, by task id in the job's task order; each task's rows in the
     * order its examples were given.
     *
     * @param examples  held-out examples of the job's tasks (any mix, any order)
     * @param batchSize how many rows of one task go through the model at once
     * @throws MalformedBatchException naming the example id and field, for the first example that cannot be scored
     *                                 (see the class doc); nothing has run through the model then
     * @throws OrtException            when ONNX Runtime fails on a batch
     */
    public Map<String, TaskPredictions> score(List<StandardExample> examples, int batchSize) throws OrtException {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
        }
        if (examples == null || examples.isEmpty()) {
            throw new IllegalArgumentException("no examples to score");
        }
        Map<Integer, List<StandardExample>> byTask = new LinkedHashMap<>();
        for (StandardExample e : examples) {
            Objects.requireNonNull(e, "examples must not contain null");
            Integer index = e.taskId() == null ? null : taskIndex.get(e.taskId());
            if (index == null) {
                throw new MalformedBatchException(e.id(), "taskId", "task '" + e.taskId()
                        + "' is not a task of this job (its tasks: " + taskIndex.keySet() + ")");
            }
            // The task type is checked by the trainer's BatchAssembler, which encodes every chunk below.
            byTask.computeIfAbsent(index, k -> new ArrayList<>()).add(e);
        }
        // Encode everything first: a malformed example fails the call before any model run.
        Map<Integer, List<Chunk>> encoded = new LinkedHashMap<>();
        long sequence = 0;
        for (int t = 0; t < tasks.size(); t++) {
            List<StandardExample> rows = byTask.get(t);
            if (rows == null) {
                continue;
            }
            List<Chunk> chunks = new ArrayList<>();
            for (int from = 0; from < rows.size(); from += batchSize) {
                List<StandardExample> part = rows.subList(from, Math.min(rows.size(), from + batchSize));
                TaskBatch batch = assembler.assemble(new TrainingBatch(TrainingBatch.SCHEMA_VERSION, "scoring",
                        "scoring", sequence++, TrainingBatch.Kind.VALIDATION, 0, 0, false, part)).tasks().get(0);
                chunks.add(new Chunk(part, batch));
            }
            encoded.put(t, chunks);
        }
        Map<String, TaskPredictions> result = new LinkedHashMap<>();
        for (Map.Entry<Integer, List<Chunk>> entry : encoded.entrySet()) {
            TaskPlan plan = tasks.get(entry.getKey());
            Collector collector = collector(plan);
            for (Chunk chunk : entry.getValue()) {
                HeadOutput out = runner.run(chunk.batch().inputs(), List.of(plan.taskId())).get(plan.taskId());
                collector.add(chunk, out);
            }
            result.put(plan.taskId(), collector.predictions());
        }
        return result;
    }

    /** The task's metrics with its type's default primary metric ({@link PredictionMetrics#score}). */
    public TaskScores metrics(TaskPredictions predictions) {
        return PredictionMetrics.score(predictions);
    }

    /** The task's metrics with a configured primary metric (null: the type's default). */
    public TaskScores metrics(TaskPredictions predictions, String primaryMetric) {
        return PredictionMetrics.score(predictions, primaryMetric);
    }

    @Override
    public void close() throws OrtException {
        runner.close();
    }

    private static void closeQuietly(OrtMultiTaskRunner runner, Exception failure) {
        try {
            runner.close();
        } catch (OrtException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    // ---- turning head outputs into predictions ----

    private record Chunk(List<StandardExample> examples, TaskBatch batch) {
    }

    private interface Collector {
        void add(Chunk chunk, HeadOutput out);

        TaskPredictions predictions();
    }

    private Collector collector(TaskPlan plan) {
        return switch (plan.taskType()) {
            case TEXT_CLASSIFICATION, TEXT_PAIR_CLASSIFICATION -> new ClassificationCollector(plan);
            case TOKEN_CLASSIFICATION -> new TaggingCollector(plan);
            case REGRESSION -> new RegressionCollector(plan);
            case EXTRACTIVE_QA -> new SpanCollector(plan, maxAnswerTokens);
            case TEXT_TO_TEXT -> throw new IllegalStateException("text-to-text is refused at open");
        };
    }

    /** Softmax in double precision (max subtracted). */
    static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private static final class ClassificationCollector implements Collector {
        private final TaskPlan plan;
        private final List<String> ids = new ArrayList<>();
        private final List<Integer> gold = new ArrayList<>();
        private final List<Integer> predicted = new ArrayList<>();
        private final List<double[]> probabilities = new ArrayList<>();

        ClassificationCollector(TaskPlan plan) {
            this.plan = plan;
        }

        @Override
        public void add(Chunk chunk, HeadOutput out) {
            int[] labels = ((TaskTargets.ClassLabels) chunk.batch().targets()).labels();
            for (int r = 0; r < labels.length; r++) {
                ids.add(chunk.batch().exampleIds().get(r));
                gold.add(labels[r]);
                predicted.add(out.argmax(r));
                probabilities.add(softmax(out.vector(r)));
            }
        }

        @Override
        public TaskPredictions predictions() {
            int n = ids.size();
            double[] confidence = new double[n];
            int[] p = predicted.stream().mapToInt(Integer::intValue).toArray();
            for (int i = 0; i < n; i++) {
                confidence[i] = probabilities.get(i)[p[i]];
            }
            return new TaskPredictions.Classification(plan.taskId(), plan.taskType(), plan.labels(), ids,
                    gold.stream().mapToInt(Integer::intValue).toArray(), p, confidence,
                    probabilities.toArray(new double[0][]));
        }
    }

    private static final class TaggingCollector implements Collector {
        private final TaskPlan plan;
        private final List<String> ids = new ArrayList<>();
        private final List<List<String>> gold = new ArrayList<>();
        private final List<List<String>> predicted = new ArrayList<>();
        private final List<Integer> truncated = new ArrayList<>();
        private final List<double[][]> probabilities = new ArrayList<>();

        TaggingCollector(TaskPlan plan) {
            this.plan = plan;
        }

        @Override
        public void add(Chunk chunk, HeadOutput out) {
            TaskTargets.TokenLabels targets = (TaskTargets.TokenLabels) chunk.batch().targets();
            List<String> labels = plan.labels();
            for (int r = 0; r < targets.rows(); r++) {
                List<String> g = new ArrayList<>();
                List<String> p = new ArrayList<>();
                List<double[]> probs = new ArrayList<>();
                // Labelled positions are the words' first sub-tokens, in word order (training's alignment).
                for (int c = 0; c < targets.length(); c++) {
                    long label = targets.labels()[r * targets.length() + c];
                    if (label != TaskTargets.IGNORED) {
                        g.add(labels.get((int) label));
                        p.add(labels.get(out.argmax(r, c)));
                        probs.add(softmax(out.vector(r, c)));
                    }
                }
                ids.add(chunk.batch().exampleIds().get(r));
                truncated.add(chunk.examples().get(r).input().tokens().size() - g.size());
                gold.add(g);
                predicted.add(p);
                probabilities.add(probs.toArray(new double[0][]));
            }
        }

        @Override
        public TaskPredictions predictions() {
            return new TaskPredictions.Tagging(plan.taskId(), plan.taskType(), plan.labels(), ids, gold, predicted,
                    truncated.stream().mapToInt(Integer::intValue).toArray(), probabilities);
        }
    }

    private static final class RegressionCollector implements Collector {
        private final TaskPlan plan;
        private final List<String> ids = new ArrayList<>();
        private final List<Double> gold = new ArrayList<>();
        private final List<Double> predicted = new ArrayList<>();

        RegressionCollector(TaskPlan plan) {
            this.plan = plan;
        }

        @Override
        public void add(Chunk chunk, HeadOutput out) {
            for (int r = 0; r < chunk.examples().size(); r++) {
                ids.add(chunk.batch().exampleIds().get(r));
                // The example's value in full precision (the training target is its float rounding).
                gold.add(chunk.examples().get(r).target().value());
                predicted.add((double) out.vector(r)[0]);
            }
        }

        @Override
        public TaskPredictions predictions() {
            return new TaskPredictions.Regression(plan.taskId(), plan.taskType(), ids,
                    gold.stream().mapToDouble(Double::doubleValue).toArray(),
                    predicted.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    private static final class SpanCollector implements Collector {
        private final TaskPlan plan;
        private final int maxAnswerTokens;
        private final List<String> ids = new ArrayList<>();
        private final List<String> gold = new ArrayList<>();
        private final List<String> predicted = new ArrayList<>();
        private final List<Integer> starts = new ArrayList<>();
        private final List<Integer> ends = new ArrayList<>();

        SpanCollector(TaskPlan plan, int maxAnswerTokens) {
            this.plan = plan;
            this.maxAnswerTokens = maxAnswerTokens;
        }

        @Override
        public void add(Chunk chunk, HeadOutput out) {
            TaskTargets.Spans spans = (TaskTargets.Spans) chunk.batch().targets();
            int length = chunk.batch().inputs().length();
            for (int r = 0; r < spans.rows(); r++) {
                float[] start = new float[length];
                float[] end = new float[length];
                for (int t = 0; t < length; t++) {
                    float[] v = out.vector(r, t);
                    start[t] = v[0];
                    end[t] = v[1];
                }
                TaskTargets.SpanContext context = spans.contexts().get(r);
                int[] span = AnswerSpans.best(start, end, context, maxAnswerTokens);
                ids.add(chunk.batch().exampleIds().get(r));
                gold.add(context.answerText());
                predicted.add(AnswerSpans.text(span, context));
                starts.add(span[0]);
                ends.add(span[1]);
            }
        }

        @Override
        public TaskPredictions predictions() {
            return new TaskPredictions.QuestionAnswering(plan.taskId(), plan.taskType(), ids, gold, predicted,
                    starts.stream().mapToInt(Integer::intValue).toArray(),
                    ends.stream().mapToInt(Integer::intValue).toArray());
        }
    }
}
