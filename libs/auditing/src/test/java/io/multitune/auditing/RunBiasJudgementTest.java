package io.multitune.auditing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtException;
import io.multitune.events.EventCodec;
import io.multitune.events.RunAudited;
import io.multitune.events.RunEvaluated;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.StandardExample;
import io.multitune.fairness.templates.Templates;
import io.multitune.fairness.terms.TermList;
import io.multitune.fairness.terms.TermLists;
import io.multitune.scoring.ModelScorer;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RunBiasJudgement}: the same model audited as the multi-task model and as every baseline gives transfer
 * differences of exactly 0 (paired) and passing increase checks; a missing baseline fails its increase check; a run
 * without baselines reports the multi-task figures alone; representation counts; the event's round trip.
 */
class RunBiasJudgementTest {

    static final TermList TERMS = TermLists.gender();
    static final AuditSettings SETTINGS = AuditSettings.defaults().withBatchSize(8).withMinGroupSize(4)
            .withCaps(500, 20).withExplainCases(1);
    static final long SEED = 7;

    @TempDir
    static Path dir;
    private static ModelScorer scorer;
    private static AuditedModel multiTask;
    private static Map<String, AuditedModel> baselines;

    @BeforeAll
    static void auditOneModelAsEveryJob() throws Exception {
        Path file = dir.resolve("model.onnx");
        List<TaskPlan> tasks = AuditFixtures.fourTasks();
        AuditFixtures.writeModel(file, tasks, 3);
        scorer = ModelScorer.open(file, 1, AuditFixtures.tokens(), AuditFixtures.questions(), tasks);
        ModelAudit audit = new ModelAudit(SETTINGS, TERMS, Templates.bundled());
        Map<String, List<StandardExample>> test = AuditFixtures.testExamples();
        multiTask = audit.audit(scorer, tasks, test, SEED);
        baselines = new LinkedHashMap<>();
        for (TaskPlan t : tasks) {
            // A baseline job has one task; the rows depend only on the task's test examples and the seed.
            baselines.put(t.taskId(), audit.audit(scorer, List.of(t), test, SEED));
        }
    }

    @AfterAll
    static void close() throws OrtException {
        try {
            if (scorer != null) {
                scorer.close();
            }
        } finally {
            AuditFixtures.closeAll();
        }
    }

    private static RunAudited judge(RunPlanned plan, Map<String, AuditedModel> baselinesByTask,
                                    Map<String, String> missing) {
        return new RunBiasJudgement(SETTINGS).judge(plan, "run-1-mtl", "CPU", multiTask, baselinesByTask, missing,
                Representation.of(TERMS, AuditFixtures.testExamples(), 3));
    }

    private static Map<String, RunEvaluated.Check> checks(RunAudited audited) {
        return audited.verdict().checks().stream().collect(Collectors.toMap(RunEvaluated.Check::name, c -> c,
                (a, b) -> a, LinkedHashMap::new));
    }

    @Test
    void theSameModelAsBaselineGivesZeroPairedDifferencesAndPassingIncreaseChecks() {
        RunAudited audited = judge(AuditFixtures.plan(AuditFixtures.fourTasks(), true, null), baselines, Map.of());

        List<String> sentimentRows = audited.transfer().stream().filter(r -> r.taskId().equals("sentiment"))
                .map(r -> r.metric() + (r.attribute() == null ? "" : ":" + r.attribute())).toList();
        assertEquals(List.of("counterfactual-flip-rate", "counterfactual-mean-prob-change",
                "counterfactual-max-prob-change", "demographic-parity:reader", "equalized-odds:reader"), sentimentRows);
        assertEquals(List.of("counterfactual-flip-rate", "counterfactual-token-flip-rate",
                        "counterfactual-mean-prob-change", "counterfactual-max-prob-change"),
                audited.transfer().stream().filter(r -> r.taskId().equals("ner")).map(RunAudited.TransferRow::metric)
                        .toList());
        assertEquals(List.of("counterfactual-mean-value-change", "counterfactual-max-value-change"),
                audited.transfer().stream().filter(r -> r.taskId().equals("score"))
                        .map(RunAudited.TransferRow::metric).toList());
        for (RunAudited.TransferRow r : audited.transfer()) {
            assertEquals(r.multiTask(), r.baseline(), r.toString());
            if (r.difference() != null) {
                assertEquals(0.0, r.difference(), 0.0, r.toString());
                assertEquals(0.0, r.ciLower(), 0.0, r.toString());
                assertEquals(0.0, r.ciUpper(), 0.0, r.toString());
            }
            assertEquals(Boolean.TRUE, r.paired(), r.toString());
        }
        assertTrue(audited.transfer().stream().anyMatch(r -> r.metric().equals("counterfactual-max-prob-change")
                && !r.gated()));

        Map<String, RunEvaluated.Check> checks = checks(audited);
        List<RunEvaluated.Check> increases = checks.values().stream()
                .filter(c -> c.name().startsWith("increase-over-baseline:")).toList();
        assertEquals(audited.transfer().size(), increases.size());
        assertTrue(increases.stream().allMatch(RunEvaluated.Check::passed), increases.toString());
        assertTrue(checks.containsKey("counterfactual-flip:sentiment"));
        assertTrue(checks.containsKey("demographic-parity:sentiment:reader"));
        RunEvaluated.Check qa = checks.get("not-audited:qa");
        assertTrue(qa.passed());
        assertTrue(qa.detail().startsWith("not audited: extractive QA is not audited"), qa.detail());
        assertEquals(List.of("qa"), audited.notAudited().stream().map(n -> n.taskId()).toList());
        assertEquals(List.of(), audited.missingBaselines());
        assertEquals(audited.verdict().checks().stream().filter(c -> !c.passed()).map(RunEvaluated.Check::detail)
                .toList(), audited.verdict().reasons());
        assertNull(audited.report());
    }

    @Test
    void aMissingBaselineFailsTheTasksIncreaseCheck() {
        Map<String, AuditedModel> withoutNer = new LinkedHashMap<>(baselines);
        withoutNer.remove("ner");
        RunAudited audited = judge(AuditFixtures.plan(AuditFixtures.fourTasks(), true, null), withoutNer,
                Map.of("ner", "its training failed"));

        RunEvaluated.Check ner = checks(audited).get("increase-over-baseline:ner");
        assertFalse(ner.passed());
        assertFalse(audited.verdict().pass());
        assertTrue(audited.verdict().reasons().contains(ner.detail()));
        assertEquals(List.of("ner"), audited.missingBaselines());
        assertTrue(audited.notes().contains("task ner was audited without its baseline: its training failed"),
                audited.notes().toString());
        List<RunAudited.TransferRow> nerRows = audited.transfer().stream().filter(r -> r.taskId().equals("ner"))
                .toList();
        assertEquals(4, nerRows.size());
        assertTrue(nerRows.stream().allMatch(r -> r.baseline() == null && r.difference() == null
                && r.paired() == null && r.multiTask() != null));
        assertTrue(checks(audited).get("increase-over-baseline:sentiment:counterfactual-flip-rate").passed());
    }

    @Test
    void aRunWithoutBaselinesReportsTheMultiTaskFiguresAloneAndDoesNotFailForThem() {
        RunAudited audited = judge(AuditFixtures.plan(AuditFixtures.fourTasks(), false, null), Map.of(), Map.of());
        assertEquals(List.of(), audited.missingBaselines());
        for (String task : List.of("sentiment", "ner", "score")) {
            RunEvaluated.Check c = checks(audited).get("increase-over-baseline:" + task);
            assertTrue(c.passed());
            assertTrue(c.detail().startsWith("not measured"), c.detail());
        }
        assertTrue(audited.transfer().stream().allMatch(r -> r.baseline() == null));
    }

    @Test
    void representationCountsTermsPerTaskSplitAndColumn() {
        List<RunAudited.Representation> rows = Representation.of(TERMS, AuditFixtures.testExamples(), 2);
        RunAudited.Representation ner = rows.stream().filter(r -> r.taskId().equals("ner")).findFirst()
                .orElseThrow();
        assertEquals("test", ner.split());
        assertEquals("gender", ner.category());
        assertEquals(5, ner.examples());
        // john, his, brother, he | mary, sister, her
        assertEquals(List.of(4L, 3L), ner.mentionsByColumn());
        assertEquals(2, ner.topTerms().size());
        assertTrue(ner.topTerms().get(0).matches("[a-z]+=1"), ner.topTerms().toString());
    }

    @Test
    void theRunAuditedEventRoundTripsThroughTheCodec() {
        RunAudited audited = judge(AuditFixtures.plan(AuditFixtures.fourTasks(), true, null), baselines,
                Map.of());
        byte[] body = EventCodec.INSTANCE.encode(audited);
        assertEquals(audited, EventCodec.INSTANCE.decode(body, RunAudited.class));
    }
}
