package io.multitune.auditing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtException;
import io.multitune.events.EventCodec;
import io.multitune.events.ExampleInput;
import io.multitune.events.ModelAudited;
import io.multitune.events.RunPlanned;
import io.multitune.events.StandardExample;
import io.multitune.events.TaskType;
import io.multitune.fairness.Auditability;
import io.multitune.fairness.templates.Template;
import io.multitune.fairness.templates.Templates;
import io.multitune.fairness.terms.TermList;
import io.multitune.fairness.terms.TermLists;
import io.multitune.fairness.terms.TermSwapper;
import io.multitune.scoring.ModelScorer;
import io.multitune.scoring.TaskPredictions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ModelAudit} on a tiny random four-task model (sentiment, NER, a text-pair regression, QA): which inputs are
 * swapped, the pair counts, the flip figures against a count by hand from the scorer's own predictions, QA listed as
 * not audited, group metrics on group-labelled examples, tag and value figures, occlusion, the event's round trip.
 */
class ModelAuditTest {

    static final TermList TERMS = TermLists.gender();
    static final AuditSettings SETTINGS = AuditSettings.defaults().withBatchSize(8).withMinGroupSize(4);
    static final long SEED = 7;

    @TempDir
    static Path dir;
    private static ModelScorer scorer;
    private static AuditedModel audited;

    @BeforeAll
    static void auditTheModel() throws Exception {
        Path file = dir.resolve("model.onnx");
        AuditFixtures.writeModel(file, AuditFixtures.fourTasks(), 11);
        scorer = ModelScorer.open(file, 1, AuditFixtures.tokens(), AuditFixtures.questions(),
                AuditFixtures.fourTasks());
        audited = new ModelAudit(SETTINGS, TERMS, Templates.bundled()).audit(scorer, AuditFixtures.fourTasks(),
                AuditFixtures.testExamples(), SEED);
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

    @Test
    void sourcesAreTheTermMentioningTestExamplesThenTheGroupExamplesThenOneCounterfactualEach() {
        List<StandardExample> rows = new ModelAudit(SETTINGS, TERMS, List.of())
                .plannedInputs(AuditFixtures.sentiment(), AuditFixtures.sentimentExamples(), SEED);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < AuditFixtures.MENTIONING.size(); i++) {
            expected.add("m" + i);
        }
        for (int i = 0; i < 16; i++) {
            expected.add("g" + i); // scored for the group metrics; they mention no term, so they are no source
        }
        for (int i = 0; i < AuditFixtures.MENTIONING.size(); i++) {
            expected.add("m" + i + "#cf1"); // the gender list has two columns: one counterfactual per source
        }
        assertEquals(expected, rows.stream().map(StandardExample::id).toList());
        StandardExample swapped = rows.get(24);
        assertEquals("she loved every minute of it", swapped.input().text());
        assertEquals("positive", swapped.target().label());
        assertNull(swapped.groups());
    }

    @Test
    void pairCountsAreSourcesTimesCounterfactualsTemplatesIncluded() {
        ModelAudited.Counterfactual cf = audited.tasks().get("sentiment").counterfactual();
        int templates = TaskCases.templateCases(TaskType.TEXT_CLASSIFICATION, false, Templates.bundled(),
                ModelAudit.defaultFillers(List.of(TERMS))).size();
        assertTrue(templates > 0);
        long expectedSources = AuditFixtures.MENTIONING.size() + Math.min(templates, SETTINGS.maxTemplateCases());
        assertEquals(expectedSources, cf.sources());
        assertEquals(expectedSources, cf.pairs());
        assertEquals("LABEL_FLIPS", cf.kind());
        assertEquals(SETTINGS.changedCases(), cf.cases().size());
    }

    @Test
    void flipRateAndMeanChangeEqualACountByHandOverTheScorersOwnPredictions() throws Exception {
        ModelAudit audit = new ModelAudit(SETTINGS.withExplainCases(0), TERMS, List.of());
        List<StandardExample> examples = AuditFixtures.sentimentExamples().subList(0, AuditFixtures.MENTIONING.size()
                + AuditFixtures.NEUTRAL.size());
        AuditedModel a = audit.audit(scorer, List.of(AuditFixtures.sentiment()), Map.of("sentiment", examples), SEED);

        TermSwapper swapper = new TermSwapper(TERMS);
        List<StandardExample> originals = new ArrayList<>();
        List<StandardExample> swapped = new ArrayList<>();
        for (StandardExample e : examples) {
            if (swapper.mentions(e.input().text())) {
                originals.add(e);
                swapped.add(TaskCases.copy(e, e.id() + "-by-hand",
                        ExampleInput.text(swapper.counterfactuals(e.input().text()).get(0).text())));
            }
        }
        assertEquals(AuditFixtures.MENTIONING.size(), originals.size());
        var before = (TaskPredictions.Classification) scorer.score(originals, 3).get("sentiment");
        var after = (TaskPredictions.Classification) scorer.score(swapped, 5).get("sentiment");
        int flips = 0;
        double change = 0;
        double max = 0;
        for (int i = 0; i < originals.size(); i++) {
            int y = before.predicted()[i];
            flips += after.predicted()[i] != y ? 1 : 0;
            double d = Math.abs(before.probabilities()[i][y] - after.probabilities()[i][y]);
            change += d;
            max = Math.max(max, d);
        }
        ModelAudited.Counterfactual cf = a.tasks().get("sentiment").counterfactual();
        assertEquals(originals.size(), cf.pairs());
        assertEquals((double) flips / originals.size(), cf.figures().get("counterfactual-flip-rate").value(), 1e-12);
        assertEquals(change / originals.size(), cf.figures().get("counterfactual-mean-prob-change").value(), 1e-6);
        assertEquals(max, cf.figures().get("counterfactual-max-prob-change").value(), 1e-6);
        ModelAudited.Estimate mean = cf.figures().get("counterfactual-mean-prob-change");
        assertTrue(mean.ciLower() <= mean.value() && mean.value() <= mean.ciUpper(), mean.toString());
        assertTrue(a.tasks().get("sentiment").topTokens().isEmpty(), "explainCases 0: no occlusion");
        assertEquals(2L * originals.size(), a.inputs());
        assertEquals(0, a.occlusionInputs());
    }

    @Test
    void extractiveQaIsListedAsNotAuditedWithTheReason() {
        assertEquals(List.of(new ModelAudited.NotAudited("qa", TaskType.EXTRACTIVE_QA,
                Auditability.of(TaskType.EXTRACTIVE_QA).reason())), audited.notAudited());
        assertFalse(audited.tasks().containsKey("qa"));
        assertEquals(List.of("sentiment", "ner", "score"), List.copyOf(audited.tasks().keySet()));
    }

    @Test
    void groupMetricsComeFromTheGroupLabelledExamples() {
        List<ModelAudited.GroupAudit> groups = audited.tasks().get("sentiment").groups();
        assertEquals(1, groups.size());
        ModelAudited.GroupAudit reader = groups.get(0);
        assertEquals("reader", reader.attribute());
        assertEquals(List.of("a", "b"), reader.groups().stream().map(ModelAudited.GroupFigures::group).toList());
        assertEquals(List.of(8L, 8L), reader.groups().stream().map(ModelAudited.GroupFigures::examples).toList());
        assertTrue(reader.groups().stream().allMatch(ModelAudited.GroupFigures::counted));
        assertNotNull(reader.demographicParityDifference().value());
        assertNotNull(reader.groups().get(0).selectionRate());
        assertNotNull(reader.detail());

        // Accuracy of group a by hand, from the audit's own group inputs' gold and the scorer's predictions.
        AuditedModel.AuditedTask detail = audited.task("sentiment");
        assertEquals(1, detail.groupInputs().size());
        assertEquals(16, detail.groupInputs().get(0).examples());

        // The regression task carries one group attribute: reported as a note, not computed.
        assertTrue(audited.tasks().get("score").groups().isEmpty());
        assertTrue(audited.notes().stream().anyMatch(n -> n.startsWith("task score: 1 test example(s) carry group"
                + " attributes")), audited.notes().toString());
    }

    @Test
    void tagFlipsLeaveOutFullySwappedPairsAndRegressionReportsValueChanges() {
        ModelAudited.Counterfactual ner = audited.tasks().get("ner").counterfactual();
        assertEquals("TAG_FLIPS", ner.kind());
        assertTrue(ner.figures().containsKey("counterfactual-token-flip-rate"));
        assertTrue(ner.figures().containsKey("counterfactual-flip-rate"));
        // t0, t1, t3 swap (t4 "he" is swapped whole and left out), plus the token templates.
        int templates = TaskCases.templateCases(TaskType.TOKEN_CLASSIFICATION, false, Templates.bundled(),
                ModelAudit.defaultFillers(List.of(TERMS))).size();
        assertEquals(3 + templates, ner.pairs());
        assertTrue(audited.notes().stream().anyMatch(n -> n.contains("task ner: 1 counterfactual pair(s) had every"
                + " token swapped")), audited.notes().toString());

        ModelAudited.Counterfactual score = audited.tasks().get("score").counterfactual();
        assertEquals("VALUE_CHANGE", score.kind());
        int pairTemplates = TaskCases.templateCases(TaskType.REGRESSION, true, Templates.bundled(),
                ModelAudit.defaultFillers(List.of(TERMS))).size();
        // r0 "A man is playing a guitar." and r2 "She is cooking." (not r1), and the pair templates
        assertEquals(2 + pairTemplates, score.pairs());
        assertEquals(List.of("counterfactual-mean-value-change", "counterfactual-max-value-change"),
                List.copyOf(score.figures().keySet()));
        assertTrue(audited.tasks().get("score").topTokens().isEmpty());
    }

    @Test
    void occlusionRanksTheTokensOfTheMostChangedCases() {
        List<ModelAudited.TokenWeight> top = audited.tasks().get("sentiment").topTokens();
        assertFalse(top.isEmpty());
        assertTrue(top.size() <= SETTINGS.topTokens());
        assertTrue(top.stream().allMatch(t -> t.occurrences() >= 1 && Double.isFinite(t.meanAttribution())));
        long scoredRows = 0;
        for (RunPlanned.TaskPlan t : AuditFixtures.fourTasks()) {
            scoredRows += new ModelAudit(SETTINGS, TERMS, Templates.bundled())
                    .plannedInputs(t, AuditFixtures.testExamples().get(t.taskId()), SEED).size();
        }
        assertTrue(audited.inputs() > scoredRows, "occluded inputs count too: " + audited.inputs());
        assertEquals(audited.inputs() - scoredRows, audited.occlusionInputs());
        assertTrue(audited.occlusionSeconds() > 0 && audited.occlusionSeconds() < audited.seconds());
    }

    @Test
    void everyModelOfARunGetsTheSameRowsInTheSameOrder() {
        ModelAudit audit = new ModelAudit(SETTINGS.withCaps(3, 4), TERMS, Templates.bundled());
        List<StandardExample> first = audit.plannedInputs(AuditFixtures.sentiment(),
                AuditFixtures.sentimentExamples(), SEED);
        List<StandardExample> again = audit.plannedInputs(AuditFixtures.sentiment(),
                AuditFixtures.sentimentExamples(), SEED);
        assertEquals(first, again);
        List<String> sources = first.stream().map(StandardExample::id)
                .filter(id -> !id.contains("#cf") && !id.startsWith("g")).toList();
        assertEquals(3 + 4, sources.size(), sources.toString()); // capped by a seeded sample
        List<Template> none = List.of();
        assertEquals(List.of(), new ModelAudit(SETTINGS, TERMS, none).plannedInputs(AuditFixtures.qa(),
                AuditFixtures.qaExamples(), SEED));
    }

    @Test
    void theEventRoundTripsThroughTheCodec() {
        ModelAudited event = audited.event("run-1", "run-1-mtl", RunPlanned.JobKind.MULTI_TASK,
                "run-1/run-1-mtl/model.onnx", "ab".repeat(32), scorer.executionProvider());
        byte[] body = EventCodec.INSTANCE.encode(event);
        assertEquals(event, EventCodec.INSTANCE.decode(body, ModelAudited.class));
        assertEquals(audited.inputs(), event.inputs());
    }
}
