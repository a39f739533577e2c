package io.multitune.evaluator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.ExampleInput;
import io.multitune.events.ExampleTarget;
import io.multitune.events.RunEvaluated;
import io.multitune.events.RunEvaluated.Check;
import io.multitune.events.RunEvaluated.TaskOutcome;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunPlanned.JobKind;
import io.multitune.events.RunPlanned.JobPlan;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.RunRequest;
import io.multitune.events.Split;
import io.multitune.events.StandardExample;
import io.multitune.events.TaskType;
import io.multitune.scoring.PredictionMetrics;
import io.multitune.scoring.TaskPredictions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The run's judgement on predictions whose figures are known by hand: sentiment, 100 examples, the multi-task model
 * right on 60 and the baseline on all 100 (accuracy 0.6 vs 1.0, McNemar b = 0, c = 40); pos, 10 sentences of 4
 * tags, the multi-task model right on every tag and the baseline on half (token accuracy 1.0 vs 0.5).
 */
class RunJudgementTest {
    private static final TaskPlan SENTIMENT = new TaskPlan("sentiment", TaskType.TEXT_CLASSIFICATION,
            List.of("sentiment-data"), List.of("negative", "positive"), 0.5, 100, 100, 1, 10);
    private static final TaskPlan POS = new TaskPlan("pos", TaskType.TOKEN_CLASSIFICATION, List.of("pos-data"),
            List.of("DET", "NOUN"), 0.5, 10, 10, 1, 10);
    private static final List<String> SENTIMENT_IDS = IntStream.range(0, 100).mapToObj(i -> "s" + i).toList();
    private static final List<String> POS_IDS = IntStream.range(0, 10).mapToObj(i -> "p" + i).toList();

    private final RunJudgement judgement = new RunJudgement(1000, new ReviewCases(3, 20));

    private static RunPlanned plan(boolean baselines, RunRequest.EvaluationGate gate) {
        List<JobPlan> jobs = new ArrayList<>();
        jobs.add(new JobPlan("r.mtl", JobKind.MULTI_TASK, List.of(SENTIMENT, POS), 10, 8, 1, "d"));
        if (baselines) {
            jobs.add(new JobPlan("r.stl.sentiment", JobKind.BASELINE, List.of(SENTIMENT), 10, 8, 1, "d"));
            jobs.add(new JobPlan("r.stl.pos", JobKind.BASELINE, List.of(POS), 10, 8, 1, "d"));
        }
        RunRequest request = new RunRequest(1, "r", List.of(RunRequest.TaskRef.of("sentiment"),
                RunRequest.TaskRef.of("pos")), null, null, null, null, 8, null, null, 3L, baselines,
                new RunRequest.Gates(gate, null), Instant.now());
        return new RunPlanned(1, "r", request, jobs, Instant.now());
    }

    private static RunRequest.EvaluationGate gate(Double minUnifiedScore) {
        return new RunRequest.EvaluationGate(0.0, 2.0, 0.05, minUnifiedScore, Map.of("pos", "token-accuracy"), null);
    }

    /** Sentiment predictions: gold alternates; the first {@code right} examples are predicted right. */
    private static ScoredModel.ScoredTask sentiment(int right) {
        int n = SENTIMENT_IDS.size();
        int[] gold = new int[n];
        int[] predicted = new int[n];
        double[] confidence = new double[n];
        double[][] probabilities = new double[n][];
        for (int i = 0; i < n; i++) {
            gold[i] = i % 2;
            predicted[i] = i < right ? gold[i] : 1 - gold[i];
            confidence[i] = 0.8;
            probabilities[i] = predicted[i] == 0 ? new double[]{0.8, 0.2} : new double[]{0.2, 0.8};
        }
        TaskPredictions p = new TaskPredictions.Classification("sentiment", TaskType.TEXT_CLASSIFICATION,
                SENTIMENT.labels(), SENTIMENT_IDS, gold, predicted, confidence, probabilities);
        return new ScoredModel.ScoredTask(p, PredictionMetrics.score(p));
    }

    /** Pos predictions: "DET NOUN DET NOUN"; with {@code halfWrong} the last two tags are swapped. */
    private static ScoredModel.ScoredTask pos(boolean halfWrong) {
        List<List<String>> gold = new ArrayList<>();
        List<List<String>> predicted = new ArrayList<>();
        for (int i = 0; i < POS_IDS.size(); i++) {
            gold.add(List.of("DET", "NOUN", "DET", "NOUN"));
            predicted.add(halfWrong ? List.of("DET", "NOUN", "NOUN", "DET") : List.of("DET", "NOUN", "DET", "NOUN"));
        }
        TaskPredictions p = new TaskPredictions.Tagging("pos", TaskType.TOKEN_CLASSIFICATION, POS.labels(), POS_IDS,
                gold, predicted, new int[POS_IDS.size()]);
        return new ScoredModel.ScoredTask(p, PredictionMetrics.score(p, "token-accuracy"));
    }

    private static ScoredModel model(String jobId, JobKind kind, Map<String, ScoredModel.ScoredTask> tasks) {
        return new ScoredModel(jobId, kind, jobId + "/model.onnx", "ab".repeat(32), "CPU", tasks, 0.1, List.of());
    }

    private static ScoredModel mtl() {
        Map<String, ScoredModel.ScoredTask> tasks = new LinkedHashMap<>();
        tasks.put("sentiment", sentiment(60));
        tasks.put("pos", pos(false));
        return model("r.mtl", JobKind.MULTI_TASK, tasks);
    }

    private static Map<String, StandardExample> examples() {
        Map<String, StandardExample> examples = new HashMap<>();
        SENTIMENT_IDS.forEach(id -> examples.put(id, new StandardExample(1, id, "sentiment-data", "sentiment",
                TaskType.TEXT_CLASSIFICATION, Split.TEST, ExampleInput.text("a rather long review text number " + id),
                ExampleTarget.label("positive"), null, null, "en", null, null)));
        return examples;
    }

    private static Check check(RunEvaluated e, String name) {
        return e.verdict().checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no check " + name + " in " + e.verdict().checks()));
    }

    @Test
    void negativeTransferOnOneTaskFailsTheGateWhileTheOtherImproves() {
        Map<String, ScoredModel> baselines = Map.of(
                "sentiment", model("r.stl.sentiment", JobKind.BASELINE, Map.of("sentiment", sentiment(100))),
                "pos", model("r.stl.pos", JobKind.BASELINE, Map.of("pos", pos(true))));
        RunEvaluated e = judgement.judge(plan(true, gate(null)), mtl(), baselines, Map.of(), examples(), List.of());

        TaskOutcome sentiment = e.tasks().get(0);
        assertEquals("accuracy", sentiment.metric());
        assertEquals(0.6, sentiment.mtl(), 1e-12);
        assertEquals(1.0, sentiment.stl(), 1e-12);
        assertEquals(-0.4, sentiment.difference(), 1e-12);
        assertTrue(sentiment.ciUpper() < 0, "every resample is worse: " + sentiment);
        assertEquals(0, sentiment.mcnemar().mtlOnlyRight());
        assertEquals(40, sentiment.mcnemar().stlOnlyRight());
        assertTrue(sentiment.mcnemar().pValue() < 1e-6);
        assertEquals(-40.0, sentiment.relativeChangePercent(), 1e-9);
        assertTrue(sentiment.negativeTransfer());

        TaskOutcome pos = e.tasks().get(1);
        assertEquals("token-accuracy", pos.metric());
        assertEquals(1.0, pos.mtl(), 1e-12);
        assertEquals(0.5, pos.stl(), 1e-12);
        assertEquals(100.0, pos.relativeChangePercent(), 1e-9);
        assertFalse(pos.negativeTransfer());
        assertNull(pos.mcnemar());

        assertEquals(30.0, e.deltaMPercent(), 1e-9, "(−40 + 100) / 2");
        assertEquals(0.8, e.unifiedScore(), 1e-12, "(0.6 + 1.0) / 2");
        assertEquals(0.75, e.baselineUnifiedScore(), 1e-12, "(1.0 + 0.5) / 2");
        assertFalse(e.verdict().pass());
        assertTrue(check(e, "delta-m").passed());
        assertFalse(check(e, "task-drop:sentiment").passed(), "a 40 % significant drop exceeds 2 %");
        assertTrue(check(e, "task-drop:pos").passed());
        assertEquals(1, e.verdict().reasons().size());
    }

    @Test
    void theReviewShowsBoundedErrorsAndDisagreementsWithBothPredictions() {
        Map<String, ScoredModel> baselines = Map.of(
                "sentiment", model("r.stl.sentiment", JobKind.BASELINE, Map.of("sentiment", sentiment(100))));
        RunEvaluated e = judgement.judge(plan(true, gate(null)), mtl(), baselines, Map.of("pos", "gone"),
                examples(), List.of());
        RunEvaluated.TaskReview review = e.review().get(0);
        assertEquals("sentiment", review.taskId());
        assertEquals(3, review.errors().size(), "bounded to 3");
        assertEquals(3, review.disagreements().size());
        for (RunEvaluated.ReviewCase c : review.errors()) {
            int i = Integer.parseInt(c.exampleId().substring(1));
            assertTrue(i >= 60, "only examples the multi-task model got wrong: " + c);
            assertEquals(List.of("negative", "positive").get(i % 2), c.gold());
            assertEquals(c.gold(), c.stlPrediction(), "the baseline is right on all");
            assertEquals(0.8, c.mtlConfidence(), 1e-12);
            assertEquals(21, c.input().length(), "cut to 20 characters and an ellipsis");
        }
        assertTrue(e.review().get(1).disagreements().isEmpty(), "pos has no baseline to disagree with");
        assertTrue(e.review().get(1).errors().isEmpty(), "the multi-task model is right on every pos tag");
    }

    @Test
    void aMissingBaselineIsReportedAndFailsItsCheck() {
        Map<String, ScoredModel> baselines = Map.of(
                "sentiment", model("r.stl.sentiment", JobKind.BASELINE, Map.of("sentiment", sentiment(60))));
        RunEvaluated e = judgement.judge(plan(true, gate(null)), mtl(), baselines,
                Map.of("pos", "baseline job r.stl.pos did not deliver a model within PT30M"), examples(), List.of());
        assertEquals(List.of("pos"), e.missingBaselines());
        assertNull(e.tasks().get(1).stl());
        assertEquals(0.0, e.deltaMPercent(), 1e-12, "over sentiment alone, where both are equal");
        Check missing = check(e, "baseline:pos");
        assertFalse(missing.passed());
        assertTrue(missing.detail().contains("PT30M"), missing.detail());
        assertTrue(e.notes().stream().anyMatch(n -> n.contains("judged without its baseline")), e.notes()::toString);
        assertFalse(e.verdict().pass());
    }

    @Test
    void withoutRequestedBaselinesOnlyTheUnifiedScoreFloorJudges() {
        Map<String, String> off = Map.of("sentiment", "the run request turned baselines off",
                "pos", "the run request turned baselines off");
        RunEvaluated passing = judgement.judge(plan(false, gate(0.75)), mtl(), Map.of(), off, examples(), List.of());
        assertTrue(passing.verdict().pass(), passing.verdict()::toString);
        assertEquals(List.of("unified-score"), passing.verdict().checks().stream().map(Check::name).toList());
        assertNull(passing.deltaMPercent());
        assertNull(passing.baselineUnifiedScore());

        RunEvaluated failing = judgement.judge(plan(false, gate(0.9)), mtl(), Map.of(), off, examples(), List.of());
        assertFalse(failing.verdict().pass());
        assertTrue(failing.verdict().reasons().get(0).contains("0.8000 < minimum 0.9000"),
                failing.verdict().reasons()::toString);
    }

    @Test
    void scoreWeightsWeighTheUnifiedScore() {
        RunRequest.EvaluationGate weighted = new RunRequest.EvaluationGate(null, null, null, null,
                Map.of("pos", "token-accuracy"), Map.of("sentiment", 3.0));
        RunEvaluated e = judgement.judge(plan(false, weighted), mtl(), Map.of(), Map.of(), examples(), List.of());
        assertEquals((3 * 0.6 + 1.0) / 4, e.unifiedScore(), 1e-12);
        assertEquals(Arrays.asList(3.0, 1.0), e.tasks().stream().map(TaskOutcome::weight).toList());
        assertNotNull(e.verdict());
    }
}
