package io.multitune.reporting;

import static io.multitune.reporting.HtmlProbe.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.RunEvaluated;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The run's report with and without the bias audit. */
class BiasInRunReportTest {

    @Test
    void withBiasTheReportEmbedsTheSection() {
        RunReportInput base = ReportFixtures.full();
        String html = RunReport.html(new RunReportInput(base.plan(), base.evaluation(), base.models(),
                base.progressByJob(), base.validationByJob(), base.generatedAt(), BiasFixtures.full()));
        assertTrue(html.contains("<a href=\"#bias\">Bias audit</a></nav>"));
        assertEquals(1, count(html, "id=\"verdict\""), "the evaluation's badge");
        assertEquals(1, count(html, "id=\"bias-verdict\""), "and the bias gate's");
        for (String id : List.of(BiasTransferChart.ID, CounterfactualChart.ID, GroupDisparityChart.ID,
                TopTokensChart.ID, RepresentationChart.ID, "bias", "bias-gate", "bias-transfer")) {
            assertEquals(1, count(html, "id=\"" + id + "\""), id);
        }
        assertTrue(html.indexOf("id=\"review\"") < html.indexOf("<section id=\"bias\""), "after the review");
        assertFalse(html.contains("bias audit: not available"));
        assertEquals(1, count(html, "<style>"));
        assertFalse(html.toLowerCase(java.util.Locale.ROOT).contains("<script"));
    }

    @Test
    void withBiasTheHeaderGivesTheRunsVerdictOfBothGatesNotTheEvaluationsAlone() {
        RunReportInput base = ReportFixtures.full();
        RunEvaluated e = base.evaluation();
        RunEvaluated passed = new RunEvaluated(e.schemaVersion(), e.runId(), e.multiTaskJobId(),
                e.executionProvider(), e.unifiedScore(), e.baselineUnifiedScore(), e.deltaMPercent(), e.tasks(),
                e.missingBaselines(), e.notes(), new RunEvaluated.Verdict(true, List.of(), List.of()), e.review(),
                e.report(), e.at());
        String html = RunReport.html(new RunReportInput(base.plan(), passed, base.models(), base.progressByJob(),
                base.validationByJob(), base.generatedAt(), BiasFixtures.full()));
        String header = html.substring(html.indexOf("<header"), html.indexOf("</header>"));
        assertTrue(header.contains("id=\"run-verdict\" class=\"verdict fail\" data-verdict=\"fail\""), header);
        assertTrue(header.contains(">evaluation PASS</span>") && header.contains(">bias FAIL</span>"), header);
        assertEquals(1, count(html, "id=\"verdict\""), "the evaluation gate's badge keeps its id");

        String withoutBias = RunReport.html(new RunReportInput(base.plan(), passed, base.models(),
                base.progressByJob(), base.validationByJob(), base.generatedAt()));
        assertFalse(withoutBias.contains("run-verdict"), "an evaluation report has one badge, the gate's");
    }

    @Test
    void withoutBiasOneLineSaysSo() {
        RunReportInput input = ReportFixtures.full();
        assertNull(input.bias(), "the six-argument constructor leaves the bias audit out");
        String html = RunReport.html(input);
        assertEquals(1, count(html, ">bias audit: not available</p>"));
        assertFalse(html.contains("href=\"#bias\""), "no link to a missing section");
        assertFalse(html.contains("bias-verdict"));
    }

    @Test
    void anEmptyBiasInputStillRenders() {
        String html = RunReport.html(new RunReportInput(null, null, null, null, null, null,
                new BiasReportInput(null, null, null, null)));
        assertTrue(html.contains("data-verdict=\"none\"") && html.contains(">NOT AUDITED</span>"));
        assertTrue(html.contains("The run has not been audited for bias"));
    }
}
