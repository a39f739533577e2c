package io.multitune.reporting;

import static io.multitune.reporting.HtmlProbe.count;
import static io.multitune.reporting.HtmlProbe.svgById;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.ModelAudited;
import io.multitune.events.ModelAudited.Estimate;
import io.multitune.events.ModelAudited.NotAudited;
import io.multitune.events.ModelAudited.TaskAudit;
import io.multitune.events.RunAudited;
import io.multitune.events.RunAudited.TransferRow;
import io.multitune.events.RunEvaluated.Check;
import io.multitune.events.RunEvaluated.Verdict;
import io.multitune.events.RunPlanned.JobKind;
import io.multitune.events.TaskType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bias audits with pieces missing or at the edges: the page says what is missing and never throws. */
class BiasMissingPiecesTest {

    private static final String RUN = BiasFixtures.RUN;

    @Test
    void nothingButAnEmptyInputStillMakesAPage() {
        String html = BiasReport.html(new BiasReportInput(null, null, null, null));
        assertTrue(html.contains("data-verdict=\"none\"") && html.contains(">NOT AUDITED</span>"));
        assertTrue(html.contains("The run has not been audited for bias: there is no bias verdict yet."));
        assertTrue(html.contains("No bias transfer table is available"));
        assertTrue(html.contains("No model of this run has been audited yet."));
        assertTrue(html.contains("(defaults: the plan sets no bias gate"));
        assertFalse(html.contains("<svg"), "no empty chart");
        assertTrue(html.endsWith("</html>\n"));
    }

    @Test
    void noBaselinesAtAll() {
        RunAudited full = BiasFixtures.audit();
        List<TransferRow> alone = full.transfer().stream().map(r -> new TransferRow(r.taskId(), r.metric(),
                r.attribute(), r.multiTask(), null, null, null, null, null, r.gated())).toList();
        RunAudited audit = new RunAudited(1, RUN, BiasFixtures.MTL, "CPU", alone, List.of(), full.notAudited(),
                List.of("sentiment", "pos"), List.of(), full.verdict(), null, null);
        String html = BiasReport.html(new BiasReportInput(null, audit, List.of(BiasFixtures.mtl()), null));
        String transfer = svgById(html, BiasTransferChart.ID);
        assertEquals(0, count(transfer, "<circle"));
        assertEquals(7, count(transfer, ">no baseline</text>") / 2, "in place of the bars, and as the reading");
        assertTrue(html.contains("Missing baselines: sentiment, pos."));
        assertEquals(3, count(svgById(html, CounterfactualChart.ID), "<circle"), "the multi-task model alone");
        assertTrue(html.contains("against 0 single-task baselines"));
        assertTrue(html.contains("The audit counted no identity term in the tasks&#39; data."));
    }

    @Test
    void noGroupsNoCounterfactualSourcesNoTokens() {
        ModelAudited bare = new ModelAudited(1, RUN, BiasFixtures.MTL, JobKind.MULTI_TASK, null, null, null,
                Map.of("sentiment", new TaskAudit(TaskType.TEXT_CLASSIFICATION, null, null, null)), null, 0, 0, null);
        String html = BiasReport.html(new BiasReportInput(BiasFixtures.plan(), null, List.of(bare), null));
        assertTrue(svgById(html, CounterfactualChart.ID).contains("no counterfactual pair: no test input mentions"));
        assertTrue(svgById(html, GroupDisparityChart.ID).contains("no group metrics"));
        assertTrue(html.contains("No audited task has examples with group attributes"));
        assertTrue(svgById(html, TopTokensChart.ID).contains("no most changed case to explain"));
        assertTrue(html.contains("No model reported top tokens for any task."));
        assertTrue(html.contains("<td>sentiment</td><td>multi-task</td><td>—</td><td class=\"num\">—</td>"
                + "<td class=\"num\">—</td><td>no counterfactual pair</td>"));
        assertTrue(svgById(html, CounterfactualChart.ID).contains("no audited model covers this task"), "pos, qa");
    }

    @Test
    void everyTaskNotAudited() {
        List<NotAudited> none = List.of(new NotAudited("qa", TaskType.EXTRACTIVE_QA, "extractive QA is not audited"),
                new NotAudited("summaries", TaskType.TEXT_TO_TEXT, "text-to-text is not audited"));
        Verdict verdict = new Verdict(true, List.of(), List.of(new Check("not-audited:qa", true,
                "not audited: extractive QA is not audited"), new Check("not-audited:summaries", true,
                "not audited: text-to-text is not audited")));
        RunAudited audit = new RunAudited(1, RUN, BiasFixtures.MTL, "CPU", List.of(), List.of(), none, List.of(),
                List.of(), verdict, null, null);
        ModelAudited mtl = new ModelAudited(1, RUN, BiasFixtures.MTL, JobKind.MULTI_TASK, "m.onnx", "ab", "CPU",
                Map.of(), none, 0, 0.1, null);
        String html = BiasReport.html(new BiasReportInput(null, audit, List.of(mtl), null));
        assertTrue(html.contains("data-verdict=\"pass\"") && html.contains(">BIAS GATE PASS</span>"));
        assertTrue(html.contains("PASS: all 2 checks of the bias gate passed. 2 checks passed without measuring "
                + "anything"), "a pass that measured nothing says so");
        assertTrue(html.contains("Not audited: 2 tasks were never measured for bias."));
        assertEquals(2, count(html, "<td>⚠ not audited</td>"));
        assertEquals(2, count(svgById(html, BiasTransferChart.ID), "<title>not audited: "), "a band per task");
        assertEquals(0, count(svgById(html, BiasTransferChart.ID), "<circle"));
        assertTrue(html.contains("<td>summaries</td><td>not audited</td><td>—</td><td class=\"num\">—</td>"
                + "<td class=\"num\">—</td><td>text-to-text is not audited</td>"), "in the counterfactual table");
    }

    @Test
    void nanAndNullFiguresPrintAsDashes() {
        TransferRow nan = new TransferRow("sentiment", "counterfactual-flip-rate", null, Double.NaN, 0.02,
                Double.NaN, null, Double.NaN, null, true);
        TransferRow unknown = new TransferRow("sentiment", null, null, null, null, null, null, null, null, false);
        ModelAudited.Counterfactual cf = new ModelAudited.Counterfactual(null, 0, 0,
                Map.of("counterfactual-flip-rate", new Estimate(Double.NaN, null, null)), null);
        ModelAudited.GroupAudit groups = new ModelAudited.GroupAudit("gender", List.of(new ModelAudited.GroupFigures(
                "female", 0, false, Double.NaN, Double.NaN, null, null, Double.NaN)), new Estimate(null, null, null),
                null, null);
        ModelAudited mtl = new ModelAudited(1, RUN, "m", JobKind.MULTI_TASK, null, null, null, Map.of("sentiment",
                new TaskAudit(null, cf, List.of(groups), List.of(new ModelAudited.TokenWeight("x", 0, Double.NaN)))),
                null, 0, Double.NaN, null);
        RunAudited audit = new RunAudited(1, RUN, "m", null, List.of(nan, unknown), List.of(new RunAudited
                .Representation("sentiment", "train", "gender", 0, List.of(0L, 0L), null)), null, null, null, null,
                null, null);
        String html = BiasReport.html(new BiasReportInput(null, audit, List.of(mtl), null));
        assertFalse(html.contains("NaN") || html.contains("Infinity"));
        assertTrue(html.contains("<td class=\"num\">—</td><td class=\"num\">0.0200</td><td class=\"num\">—</td>"));
        assertTrue(html.contains("The audit carries no verdict."));
        assertTrue(html.contains("no term of this category is mentioned"));
        assertTrue(svgById(html, GroupDisparityChart.ID).contains(">not measured</text>"));
    }

    @Test
    void swappedWordsAreFound() {
        boolean[][] same = ChangedCases.differing("he is here".split(" "), "she is here".split(" "));
        assertArrayEquals(new boolean[] {true, false, false}, same[0]);
        boolean[][] longer = ChangedCases.differing("ask John Smith now".split(" "), "ask Mary now".split(" "));
        assertArrayEquals(new boolean[] {false, true, true, false}, longer[0]);
        assertArrayEquals(new boolean[] {false, true, false}, longer[1]);
        boolean[][] empty = ChangedCases.differing(new String[0], "x".split(" "));
        assertArrayEquals(new boolean[] {true}, empty[1]);
    }
}
