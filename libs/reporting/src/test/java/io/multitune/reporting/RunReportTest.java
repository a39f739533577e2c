package io.multitune.reporting;

import static io.multitune.reporting.HtmlProbe.count;
import static io.multitune.reporting.HtmlProbe.svgById;
import static io.multitune.reporting.HtmlProbe.svgsByClass;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The full report of a realistic three-task run: every section, chart and figure where the reader expects it. */
class RunReportTest {

    private final String html = RunReport.html(ReportFixtures.full());

    @Test
    void headerShowsRunVerdictScoresAndSettings() {
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("id=\"verdict\" class=\"verdict fail\" data-verdict=\"fail\""), "verdict badge");
        assertTrue(html.contains(">FAIL</span>"));
        assertTrue(html.contains("<h1>Run run-7f3a</h1>"));
        assertTrue(html.contains(">0.8853<") && html.contains(">0.9275<"), "unified scores");
        assertTrue(html.contains(">+0.05 %<"), "Δm");
        assertTrue(html.contains(">CUDA<"));
        assertTrue(html.contains("all-MiniLM-L6-v2"));
        assertTrue(html.contains("lora (r=8, alpha=16, dropout=0.1, targets query, value)"));
        assertTrue(html.contains("<dd>pcgrad</dd>"));
        assertTrue(html.contains("temperature, T=2, heterogeneous batches"));
        assertTrue(html.contains("<dt>Batch size</dt><dd>16</dd>") && html.contains("<dt>Seed</dt><dd>42</dd>"));
        assertTrue(html.contains("2025-03-01 11:00:00 UTC"), "generated time");
        assertTrue(html.contains("run-7f3a-stl-genre</td><td>baseline</td><td>genre</td>"), "jobs table");
        assertTrue(html.contains("not scored"), "the failed genre baseline has no score");
    }

    @Test
    void gateListsEveryCheckReasonNoteAndMissingBaseline() {
        assertTrue(html.contains("FAIL: 1 of 3 checks failed."));
        assertTrue(html.contains("<td>negative-transfer</td><td>✗ fail</td>"));
        assertTrue(html.contains("<td>delta-m</td><td>✓ pass</td>"));
        assertTrue(html.contains("pos is significantly worse &lt;at α = 0.05&gt;"));
        assertTrue(html.contains("negative transfer on pos"), "reason");
        assertTrue(html.contains("Missing baselines: genre."));
        assertTrue(html.contains("baseline job failed (trainer OOM)"), "note");
    }

    @Test
    void comparisonChartPairsBarsAndDrawsIntervals() {
        String svg = svgById(html, MtlVsBaselineChart.ID);
        assertEquals(3, count(svg, "fill=\"" + Palette.MTL + "\"><title>"), "a multi-task bar per task");
        assertEquals(2, count(svg, "fill=\"" + Palette.STL + "\"><title>"), "a baseline bar per task with one");
        assertTrue(svg.contains("<title>sentiment · multi-task accuracy: 0.9120</title>"));
        assertTrue(svg.contains("<title>sentiment · baseline accuracy: 0.8970</title>"));
        assertTrue(svg.contains("<title>pos: difference -0.0170, 95 % CI [-0.0240, -0.0100] (negative transfer)"));
        assertTrue(svg.contains("style=\"fill:" + Palette.NEGATIVE + "\">negative transfer</text>"));
        assertTrue(svg.contains("style=\"fill:" + Palette.POSITIVE + "\">significantly better</text>"));
        assertEquals(2, count(svg, ">no baseline</text>"), "genre: in place of its bar and as its verdict");
        assertEquals(2, count(svg, "<circle"), "a difference point for each task with a baseline");
        assertTrue(count(svg, "<line") > 20, "axes, ticks and whiskers");
    }

    @Test
    void comparisonTableHasEveryFigure() {
        assertTrue(html.contains("<tr class=\"negative\"><td>pos</td><td>token-accuracy\u00a0↑</td><td class=\"num\">"
                + "25,096</td><td class=\"num\">0.9410</td><td class=\"num\">0.9580</td><td class=\"num\">-0.0170"));
        assertTrue(html.contains("<th class=\"num\" scope=\"col\">95 % CI</th>"));
        assertTrue(html.contains("<td class=\"num\">[-0.0240, -0.0100]</td>"));
        assertTrue(html.contains("<td class=\"num\">310 / 737</td><td class=\"num\">&lt; 0.001</td>"));
        assertTrue(html.contains("<td class=\"num\">-1.77 %</td><td>negative transfer</td>"));
        assertTrue(html.contains("<td>genre</td><td>accuracy\u00a0↑</td><td class=\"num\">500</td><td class=\"num\">"
                + "0.8030</td><td class=\"num\">—</td>"), "a missing baseline prints as a dash");
    }

    @Test
    void trainingCurvesComparePerTaskWithBaseline() {
        List<String> loss = svgsByClass(html, TrainingCurvesChart.LOSS_CLASS);
        assertEquals(3, loss.size(), "one loss chart per task");
        assertEquals(2, count(loss.get(0), "<path"), "sentiment: multi-task and baseline");
        assertEquals(40, count(loss.get(0), "<circle"), "20 progress events per job");
        assertTrue(loss.get(1).contains("<title>pos · baseline · step 200: loss"));
        assertEquals(1, count(loss.get(2), "<path"), "genre: its baseline never trained");
        List<String> validation = svgsByClass(html, TrainingCurvesChart.VALIDATION_CLASS);
        assertEquals(3, validation.size());
        assertTrue(validation.get(1).contains("pos · validation token-accuracy"));
        assertTrue(validation.get(0).contains("<title>sentiment · multi-task · round 4 (step 200): accuracy 0.8000"));
    }

    @Test
    void taskWeightsChartHasOneLinePerTask() {
        String svg = svgById(html, TaskWeightsSection.ID);
        assertEquals(3, count(svg, "<path"));
        assertEquals(60, count(svg, "<circle"));
        assertTrue(svg.contains("<title>genre · step 200: weight"));
        assertTrue(svg.contains(">weight</text>") && svg.contains(">step</text>"), "axis titles");
    }

    @Test
    void conflictMatrixIsTheLastMeasuredHeatmap() {
        String svg = svgById(html, ConflictMatrixChart.ID);
        assertTrue(svg.contains("Cosine between task gradients at step 200"));
        assertEquals(9 + 21, count(svg, "<rect"), "3x3 cells and the legend's 21 steps");
        double cos = ReportFixtures.matrix(3, 200).get(0).get(1);
        assertTrue(svg.contains("<title>sentiment × pos: cos = " + String.format(Locale.ROOT, "%.3f", cos)));
        assertTrue(svg.contains(">" + String.format(Locale.ROOT, "%.2f", cos) + "</text>"), "value in the cell");
        assertTrue(svg.contains(">1.00</text>"), "diagonal");
        assertTrue(html.contains("measured 10 times"));
        assertTrue(html.contains("Task pairs, most conflicting first"));
    }

    @Test
    void modelsAndReviewAreListed() {
        assertTrue(html.contains("<h3>run-7f3a-mtl · multi-task model</h3>"));
        assertTrue(html.contains("<h3>run-7f3a-stl-pos · baseline model</h3>"));
        assertTrue(html.contains("<td>token-accuracy (primary)</td><td class=\"num\">0.9410</td>"));
        assertTrue(html.contains("<caption>pos: per label</caption>"));
        assertTrue(html.contains("<td>NOUN</td><td class=\"num\">0.950</td>"));
        assertTrue(html.contains("<td>negative (0.81)</td><td>positive (0.66)</td>"));
        assertTrue(html.contains("<td>drama (0.44)</td><td>no baseline</td>"));
    }

    @Test
    void userTextIsEscaped() {
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "no script element, even from user data");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; great &amp; &quot;cheap&quot;"));
    }

    @Test
    void pageLoadsNothingFromOutside() {
        assertEquals(List.of(), HtmlProbe.urls(html).stream().filter(u -> !u.equals(SvgCanvas.NAMESPACE)).toList());
        String lower = html.toLowerCase(Locale.ROOT);
        for (String tag : List.of("<link", "<img", "<iframe", "<object", "<embed", "@import", "url(")) {
            assertFalse(lower.contains(tag), tag);
        }
        assertEquals(1, count(html, "<style>"));
    }

    @Test
    void sectionsComeInReadingOrder() {
        String[] order = {"id=\"verdict\"", "id=\"gate\"", "id=\"" + MtlVsBaselineChart.ID + "\"",
            "class=\"chart " + TrainingCurvesChart.LOSS_CLASS, "id=\"" + TaskWeightsSection.ID + "\"",
            "id=\"" + ConflictMatrixChart.ID + "\"", "id=\"models\"", "id=\"review\""};
        int last = -1;
        for (String marker : order) {
            int at = html.indexOf(marker);
            assertTrue(at > last, marker + " after the previous section");
            last = at;
        }
    }

    @Test
    void numbersIgnoreTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            String german = RunReport.html(ReportFixtures.full());
            assertEquals(html, german);
        } finally {
            Locale.setDefault(saved);
        }
    }
}
