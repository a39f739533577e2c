package io.multitune.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.onnxruntime.OrtException;
import io.multitune.encoder.onnx.OnnxMultiTaskWriter;
import io.multitune.encoder.tokens.EncodedBatch;
import io.multitune.evaluation.metrics.ClassificationMetrics;
import io.multitune.evaluation.metrics.MetricKind;
import io.multitune.evaluation.metrics.QaMetrics;
import io.multitune.evaluation.metrics.RegressionMetrics;
import io.multitune.evaluation.metrics.TokenClassificationMetrics;
import io.multitune.evaluation.stats.McNemar;
import io.multitune.evaluation.stats.PairedBootstrap;
import io.multitune.events.ExampleInput;
import io.multitune.events.ExampleTarget;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.StandardExample;
import io.multitune.events.TaskType;
import io.multitune.events.TrainingBatch;
import io.multitune.training.MalformedBatchException;
import io.multitune.training.MultiTaskModel;
import io.multitune.training.batch.AssembledBatch;
import io.multitune.training.batch.BatchAssembler;
import io.multitune.training.batch.TaskBatch;
import io.multitune.training.batch.TaskTargets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny random multi-task model (sequence classification, BIO tagging, regression, extractive QA) written to ONNX
 * and scored: predictions against DJL's own eval-mode outputs, metrics against libs/evaluation by hand, batch-size
 * invariance, refusal of bad examples and bad model files.
 */
class ModelScorerTest {

    @TempDir
    static Path dir;
    private static Path modelFile;
    private static MultiTaskModel model;
    private static ModelScorer scorer;

    @BeforeAll
    static void writeModel() throws IOException {
        model = MultiTaskModel.create(ScoringFixtures.manager(), ScoringFixtures.tinyWeights(11),
                ScoringFixtures.noDropout(), ScoringFixtures.fourTasks(), 5L);
        MultiTaskModel.Exported exported = model.export();
        modelFile = dir.resolve("model.onnx");
        OnnxMultiTaskWriter.write(exported.encoder(), exported.heads(), modelFile);
        scorer = ModelScorer.open(modelFile, 2, ScoringFixtures.tokens(), ScoringFixtures.questions(),
                ScoringFixtures.fourTasks());
    }

    @AfterAll
    static void closeAll() throws OrtException {
        try {
            if (scorer != null) {
                scorer.close();
            }
        } finally {
            if (model != null) {
                model.close();
            }
            ScoringFixtures.closeAll();
        }
    }

    /** Logits of DJL's eval-mode forward, per task, on all the task's examples in one batch. */
    private static Map<String, Reference> djlReference(List<StandardExample> examples) {
        BatchAssembler assembler = new BatchAssembler(ScoringFixtures.fourTasks(), ScoringFixtures.tokens(),
                ScoringFixtures.questions());
        AssembledBatch batch = assembler.assemble(new TrainingBatch(1, "run", "job", 0, TrainingBatch.Kind.VALIDATION,
                0, 0, false, examples));
        Map<String, Reference> out = new HashMap<>();
        try (NDManager scratch = model.manager().newSubManager()) {
            for (TaskBatch task : batch.tasks()) {
                EncodedBatch inputs = task.inputs();
                NDArray hidden = model.encode(scratch, inputs, false);
                NDArray mask = scratch.create(inputs.attentionMask(), inputs.shape());
                NDArray logits = model.head(task.taskIndex()).logits(hidden, mask, false);
                out.put(task.taskId(), new Reference(task, logits.getShape().getShape(), logits.toFloatArray()));
            }
        }
        return out;
    }

    private record Reference(TaskBatch batch, long[] shape, float[] logits) {
        int size() {
            return (int) shape[shape.length - 1];
        }

        float[] at(int... index) {
            int offset = 0;
            for (int axis = 0; axis < index.length; axis++) {
                offset = (int) (offset * shape[axis] + index[axis]);
            }
            float[] v = new float[size()];
            System.arraycopy(logits, offset * size(), v, 0, size());
            return v;
        }

        int argmax(int... index) {
            float[] v = at(index);
            int best = 0;
            for (int i = 1; i < v.length; i++) {
                if (v[i] > v[best]) {
                    best = i;
                }
            }
            return best;
        }
    }

    @Test
    void predictionsEqualDjlEvalOutputs() throws OrtException {
        List<StandardExample> examples = ScoringFixtures.mixed();
        Map<String, TaskPredictions> scored = scorer.score(examples, 4);
        Map<String, Reference> reference = djlReference(examples);
        assertEquals(List.of("sentiment", "ner", "score", "qa"), List.copyOf(scored.keySet()));
        assertTrue(List.of("CPU", "CUDA").contains(scorer.executionProvider()), scorer.executionProvider());

        var sentiment = (TaskPredictions.Classification) scored.get("sentiment");
        Reference s = reference.get("sentiment");
        assertEquals(s.batch().exampleIds(), sentiment.exampleIds());
        assertArrayEquals(((TaskTargets.ClassLabels) s.batch().targets()).labels(), sentiment.gold());
        for (int r = 0; r < sentiment.size(); r++) {
            assertEquals(s.argmax(r), sentiment.predicted()[r], "sentiment row " + r);
            double[] p = ModelScorer.softmax(s.at(r));
            assertArrayEquals(p, sentiment.probabilities()[r], 1e-5);
            assertEquals(p[s.argmax(r)], sentiment.confidence()[r], 1e-5);
            assertEquals(1.0, IntStream.range(0, p.length).mapToDouble(k -> p[k]).sum(),
                    1e-9);
        }

        var ner = (TaskPredictions.Tagging) scored.get("ner");
        Reference n = reference.get("ner");
        TaskTargets.TokenLabels tags = (TaskTargets.TokenLabels) n.batch().targets();
        List<String> labels = ScoringFixtures.ner().labels();
        for (int r = 0; r < ner.size(); r++) {
            List<String> gold = new ArrayList<>();
            List<String> predicted = new ArrayList<>();
            int word = 0;
            for (int c = 0; c < tags.length(); c++) {
                long label = tags.labels()[r * tags.length() + c];
                if (label != TaskTargets.IGNORED) {
                    gold.add(labels.get((int) label));
                    predicted.add(labels.get(n.argmax(r, c)));
                    // The tag probabilities the bias audit reads: the softmax at the word's first sub-token.
                    assertArrayEquals(ModelScorer.softmax(n.at(r, c)), ner.probabilities().get(r)[word++], 1e-5);
                }
            }
            assertEquals(gold, ner.gold().get(r), "ner gold row " + r);
            assertEquals(predicted, ner.predicted().get(r), "ner row " + r);
            assertEquals(examples.stream().filter(e -> e.id().equals(ner.exampleIds().get(0))).findFirst()
                    .orElseThrow().target().tags(), ner.gold().get(0), "no truncation: gold = example tags");
            assertEquals(0, ner.truncatedWords()[r]);
        }
        // A word split into several sub-tokens still yields one tag.
        assertEquals(2, ner.predicted().get(5).size());

        var score = (TaskPredictions.Regression) scored.get("score");
        Reference v = reference.get("score");
        for (int r = 0; r < score.size(); r++) {
            assertEquals(v.at(r)[0], score.predicted()[r], 1e-4, "score row " + r);
            assertEquals(0.3 * r + 0.1, score.gold()[r], 1e-12);
        }

        var qa = (TaskPredictions.QuestionAnswering) scored.get("qa");
        Reference q = reference.get("qa");
        TaskTargets.Spans spans = (TaskTargets.Spans) q.batch().targets();
        int length = q.batch().inputs().length();
        for (int r = 0; r < qa.size(); r++) {
            float[] start = new float[length];
            float[] end = new float[length];
            for (int t = 0; t < length; t++) {
                start[t] = q.at(r, t)[0];
                end[t] = q.at(r, t)[1];
            }
            TaskTargets.SpanContext context = spans.contexts().get(r);
            int[] span = AnswerSpans.best(start, end, context, ModelScorer.DEFAULT_MAX_ANSWER_TOKENS);
            assertEquals(span[0], qa.predictedStart()[r], "qa start row " + r);
            assertEquals(span[1], qa.predictedEnd()[r], "qa end row " + r);
            assertTrue(span[0] >= 0 && span[1] >= span[0] && context.inContext(span[0]) && context.inContext(span[1]));
            assertEquals(AnswerSpans.text(span, context), qa.predicted().get(r));
            assertTrue(context.context().contains(qa.predicted().get(r)));
            assertEquals(context.answerText(), qa.gold().get(r));
        }
        assertEquals("jane austen", qa.gold().get(0));
    }

    @Test
    void metricsEqualTheEvaluationFunctionsByHand() throws OrtException {
        Map<String, TaskPredictions> scored = scorer.score(ScoringFixtures.mixed(), 7);

        var c = (TaskPredictions.Classification) scored.get("sentiment");
        TaskScores cs = scorer.metrics(c);
        assertEquals(List.of("accuracy", "macro-f1", "mcc", "ece"), List.copyOf(cs.metrics().keySet()));
        assertEquals(ClassificationMetrics.accuracy(c.gold(), c.predicted()), cs.metric("accuracy"), 1e-12);
        assertEquals(ClassificationMetrics.macroF1(c.gold(), c.predicted(), 3), cs.metric("macro-f1"), 1e-12);
        assertEquals(ClassificationMetrics.mcc(c.gold(), c.predicted(), 3), cs.metric("mcc"), 1e-12);
        assertEquals(ClassificationMetrics.expectedCalibrationError(c.probabilities(), c.gold()), cs.metric("ece"),
                1e-12);
        assertEquals("accuracy", cs.primaryMetric());
        assertEquals(cs.metric("accuracy"), cs.primaryValue());
        boolean[] correct = cs.correct();
        assertEquals(c.size(), correct.length);
        for (int i = 0; i < correct.length; i++) {
            assertEquals(c.gold()[i] == c.predicted()[i], correct[i]);
        }
        assertTrue(McNemar.test(correct, correct).pValue() >= 0.99, "a model against itself");

        var t = (TaskPredictions.Tagging) scored.get("ner");
        TaskScores ts = scorer.metrics(t);
        assertEquals(List.of("token-accuracy", "tag-macro-f1", "entity-f1"), List.copyOf(ts.metrics().keySet()));
        assertEquals(TokenClassificationMetrics.tokenAccuracy(t.gold(), t.predicted()), ts.metric("token-accuracy"),
                1e-12);
        assertEquals(TokenClassificationMetrics.macroF1OverTags(t.gold(), t.predicted()), ts.metric("tag-macro-f1"),
                1e-12);
        assertEquals(TokenClassificationMetrics.entityF1(t.gold(), t.predicted()), ts.metric("entity-f1"), 1e-12);
        assertEquals("tag-macro-f1", ts.primaryMetric());
        assertNull(ts.correct());

        var r = (TaskPredictions.Regression) scored.get("score");
        TaskScores rs = scorer.metrics(r);
        assertEquals(RegressionMetrics.pearson(r.gold(), r.predicted()), rs.metric("pearson"), 1e-12);
        assertEquals(RegressionMetrics.spearman(r.gold(), r.predicted()), rs.metric("spearman"), 1e-12);
        assertEquals(RegressionMetrics.mse(r.gold(), r.predicted()), rs.metric("mse"), 1e-12);
        assertEquals("pearson", rs.primaryMetric());

        var q = (TaskPredictions.QuestionAnswering) scored.get("qa");
        TaskScores qs = scorer.metrics(q);
        List<List<String>> golds = q.gold().stream().map(List::of).toList();
        assertEquals(QaMetrics.meanExactMatch(q.predicted(), golds), qs.metric("exact-match"), 1e-12);
        assertEquals(QaMetrics.meanTokenF1(q.predicted(), golds), qs.metric("token-f1"), 1e-12);
        assertEquals("token-f1", qs.primaryMetric());

        // A configured primary metric, and one the type does not have.
        assertEquals(cs.metric("macro-f1"), scorer.metrics(c, "macro-f1").primaryValue(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> scorer.metrics(c, "pearson"));
    }

    @Test
    void primaryMetricOnSubsetsFeedsTheBootstrap() throws OrtException {
        Map<String, TaskPredictions> scored = scorer.score(ScoringFixtures.mixed(), 7);
        for (TaskPredictions p : scored.values()) {
            TaskScores s = scorer.metrics(p);
            int[] all = IntStream.range(0, p.size()).toArray();
            assertEquals(s.primaryValue(), s.primaryOnSubset().applyAsDouble(all), 1e-12, p.taskId());
            int[] firstTwiceAndLast = {0, 0, p.size() - 1};
            assertEquals(PredictionMetrics.compute(s.primary(), p, firstTwiceAndLast),
                    s.primaryOnSubset().applyAsDouble(firstTwiceAndLast), 1e-12);
        }
        var c = (TaskPredictions.Classification) scored.get("sentiment");
        int[] subset = {1, 3, 3, 5};
        int[] gold = {c.gold()[1], c.gold()[3], c.gold()[3], c.gold()[5]};
        int[] predicted = {c.predicted()[1], c.predicted()[3], c.predicted()[3], c.predicted()[5]};
        assertEquals(ClassificationMetrics.accuracy(gold, predicted),
                scorer.metrics(c).primaryOnSubset().applyAsDouble(subset), 1e-12);
        TaskScores qa = scorer.metrics(scored.get("qa"));
        var result = new PairedBootstrap(3L).compare(qa.examples(), qa.primaryOnSubset(), qa.primaryOnSubset());
        assertEquals(0.0, result.observed(), 1e-12);
        assertEquals(0.0, result.lower(), 1e-12);
        assertEquals(0.0, result.upper(), 1e-12);
    }

    @Test
    void batchSizeDoesNotChangePredictions() throws OrtException {
        Map<String, TaskPredictions> one = scorer.score(ScoringFixtures.mixed(), 1);
        Map<String, TaskPredictions> seven = scorer.score(ScoringFixtures.mixed(), 7);
        var c1 = (TaskPredictions.Classification) one.get("sentiment");
        var c7 = (TaskPredictions.Classification) seven.get("sentiment");
        assertEquals(c1.exampleIds(), c7.exampleIds());
        assertArrayEquals(c1.predicted(), c7.predicted());
        assertArrayEquals(c1.gold(), c7.gold());
        assertArrayEquals(c1.confidence(), c7.confidence(), 1e-5);
        var t1 = (TaskPredictions.Tagging) one.get("ner");
        var t7 = (TaskPredictions.Tagging) seven.get("ner");
        assertEquals(t1.predicted(), t7.predicted());
        assertEquals(t1.gold(), t7.gold());
        var r1 = (TaskPredictions.Regression) one.get("score");
        var r7 = (TaskPredictions.Regression) seven.get("score");
        assertArrayEquals(r1.predicted(), r7.predicted(), 1e-5);
        var q1 = (TaskPredictions.QuestionAnswering) one.get("qa");
        var q7 = (TaskPredictions.QuestionAnswering) seven.get("qa");
        assertArrayEquals(q1.predictedStart(), q7.predictedStart());
        assertArrayEquals(q1.predictedEnd(), q7.predictedEnd());
        assertEquals(q1.predicted(), q7.predicted());
    }

    @Test
    void badExamplesAreRefusedByIdAndField() {
        List<StandardExample> otherTask = new ArrayList<>(ScoringFixtures.sentimentExamples());
        otherTask.add(ScoringFixtures.example("x1", "topic", TaskType.TEXT_CLASSIFICATION, ExampleInput.text("hi"),
                ExampleTarget.label("sports")));
        MalformedBatchException e = assertThrows(MalformedBatchException.class, () -> scorer.score(otherTask, 4));
        assertEquals("x1", e.exampleId());
        assertEquals("taskId", e.field());
        assertTrue(e.getMessage().contains("topic"), e.getMessage());

        List<StandardExample> unknownLabel = new ArrayList<>(ScoringFixtures.sentimentExamples());
        unknownLabel.add(3, ScoringFixtures.text("x2", "meh", "sarcastic"));
        e = assertThrows(MalformedBatchException.class, () -> scorer.score(unknownLabel, 4));
        assertEquals("x2", e.exampleId());
        assertEquals("target.label", e.field());
        assertTrue(e.getMessage().contains("sarcastic"), e.getMessage());

        List<StandardExample> unknownTag = List.of(ScoringFixtures.tagged("x3", "john ran", "B-PER B-ORG"));
        e = assertThrows(MalformedBatchException.class, () -> scorer.score(unknownTag, 4));
        assertEquals("x3", e.exampleId());
        assertEquals("target.tags[1]", e.field());

        StandardExample wrongType = ScoringFixtures.example("x4", "score", TaskType.TEXT_CLASSIFICATION,
                ExampleInput.text("hi"), ExampleTarget.value(1.0));
        e = assertThrows(MalformedBatchException.class, () -> scorer.score(List.of(wrongType), 4));
        assertEquals("x4", e.exampleId());
        assertEquals("taskType", e.field());

        assertThrows(IllegalArgumentException.class, () -> scorer.score(ScoringFixtures.mixed(), 0));
        assertThrows(IllegalArgumentException.class, () -> scorer.score(List.of(), 4));
    }

    @Test
    void aMissingOrCorruptModelFileFailsAtOpen() throws IOException {
        Path missing = dir.resolve("nowhere.onnx");
        ModelFileException e = assertThrows(ModelFileException.class, () -> open(missing, ScoringFixtures.fourTasks()));
        assertEquals(missing, e.file());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());

        Path corrupt = dir.resolve("corrupt.onnx");
        Files.write(corrupt, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        e = assertThrows(ModelFileException.class, () -> open(corrupt, ScoringFixtures.fourTasks()));
        assertTrue(e.getMessage().contains(corrupt.toString()), e.getMessage());

        Path truncated = dir.resolve("truncated.onnx");
        byte[] bytes = Files.readAllBytes(modelFile);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        e = assertThrows(ModelFileException.class, () -> open(truncated, ScoringFixtures.fourTasks()));
        assertTrue(e.getMessage().contains(truncated.toString()), e.getMessage());

        List<TaskPlan> extraTask = new ArrayList<>(ScoringFixtures.fourTasks());
        extraTask.add(ScoringFixtures.task("topic", TaskType.TEXT_CLASSIFICATION, "a", "b"));
        e = assertThrows(ModelFileException.class, () -> open(modelFile, extraTask));
        assertTrue(e.getMessage().contains("no head for task 'topic'"), e.getMessage());

        List<TaskPlan> otherLabels = List.of(ScoringFixtures.task("sentiment", TaskType.TEXT_CLASSIFICATION,
                "negative", "positive"));
        e = assertThrows(ModelFileException.class, () -> open(modelFile, otherLabels));
        assertTrue(e.getMessage().contains("labels"), e.getMessage());
    }

    @Test
    void aSubsetOfTheTasksCanBeScored() throws IOException, OrtException {
        try (ModelScorer regressionOnly = open(modelFile, List.of(ScoringFixtures.score()))) {
            Map<String, TaskPredictions> scored = regressionOnly.score(ScoringFixtures.scoreExamples(), 3);
            assertEquals(List.of("score"), List.copyOf(scored.keySet()));
            var all = (TaskPredictions.Regression) scorer.score(ScoringFixtures.scoreExamples(), 3).get("score");
            assertArrayEquals(all.predicted(), ((TaskPredictions.Regression) scored.get("score")).predicted(), 1e-6);
            assertFalse(regressionOnly.heads().isEmpty());
        }
    }

    private static ModelScorer open(Path file, List<TaskPlan> tasks) throws ModelFileException {
        return ModelScorer.open(file, 1, ScoringFixtures.tokens(), ScoringFixtures.questions(), tasks);
    }
}
