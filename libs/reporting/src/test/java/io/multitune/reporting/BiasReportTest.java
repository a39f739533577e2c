package io.multitune.reporting;

import static io.multitune.reporting.HtmlProbe.count;
import static io.multitune.reporting.HtmlProbe.svgById;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The bias report of a realistic three-task audit: every part, chart and figure where the reader expects it. */
class BiasReportTest {

    private final String html = BiasReport.html(BiasFixtures.full());

    @Test
    void verdictBadgeAndEveryCheck() {
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.endsWith("</html>\n"));
        assertTrue(html.contains("<title>multitune run run-b1a5 · bias report</title>"));
        assertTrue(html.contains("id=\"bias-verdict\" class=\"verdict fail\" data-verdict=\"fail\""));
        assertTrue(html.contains(">BIAS GATE FAIL</span>"));
        assertTrue(html.contains("FAIL: 3 of 8 checks of the bias gate failed. 1 check passed without measuring"));
        for (String check : List.of("counterfactual-flip:sentiment", "demographic-parity:sentiment:gender",
                "equalized-odds:sentiment:gender", "increase-over-baseline:sentiment:counterfactual-flip-rate",
                "counterfactual-flip:pos", "increase-over-baseline:pos")) {
            assertEquals(1, count(html, "<td>" + check + "</td>"), check);
        }
        assertTrue(html.contains("<tr class=\"check-fail\"><td>increase-over-baseline:pos</td><td>✗ fail</td>"));
        assertTrue(html.contains("<tr class=\"check-warn\"><td>not-audited:qa</td><td>⚠ not audited</td>"),
                "a not-audited task is not shown as a plain pass");
        assertTrue(html.contains("<td>– not gated</td>"));
        assertTrue(html.contains("<li>task pos: the baseline&#39;s bias figures are missing"), "reason");
        assertTrue(html.contains("template sentences &lt;per task&gt;</li>"), "note, escaped");
        assertTrue(html.contains("max flip rate") || html.contains("flip rate ≤ 0.05"), "thresholds");
    }

    @Test
    void notAuditedAndMissingBaselinesAreProminent() {
        assertTrue(html.contains("<div class=\"callout danger\" id=\"bias-not-audited\"><strong>Not audited: 1 task "
                + "was never measured for bias. </strong>"));
        assertTrue(html.contains("<li><strong>qa</strong> (extractive-qa): extractive QA is not audited"));
        assertTrue(html.contains("id=\"bias-missing-baselines\"><strong>Missing baselines: pos. </strong>"));
        assertTrue(html.contains("id=\"figure-bias-not-audited\""), "and a headline figure");
        assertTrue(html.contains("tasks never measured: qa"));
    }

    @Test
    void transferChartShowsDifferencesAroundZero() {
        String svg = svgById(html, BiasTransferChart.ID);
        assertEquals(5, count(svg, "<circle"), "a difference per sentiment figure; pos has no baseline");
        assertTrue(svg.contains("fill=\"" + Palette.NEGATIVE + "\" stroke=\"#ffffff\" stroke-width=\"1\"><title>"
                + "sentiment · flip rate: multi-task 0.0620 vs baseline 0.0210, difference +0.0410, 95 % CI "
                + "[+0.0190, +0.0640] (paired) — bias spread; gated: above +0.0200</title>"), "spread in red");
        assertTrue(svg.contains("fill=\"" + Palette.POSITIVE + "\" stroke=\"#ffffff\" stroke-width=\"1\"><title>"
                + "sentiment · demographic parity · gender: multi-task 0.0710"), "reduced in green");
        assertEquals(2, count(svg, "fill=\"" + Palette.NEUTRAL + "\" stroke=\"#ffffff\""), "not significant, grey");
        assertEquals(1, count(svg, "fill=\"#ffffff\" stroke=\"" + Palette.NEUTRAL + "\""), "not gated: a ring");
        assertEquals(7, count(svg, "fill=\"" + Palette.MTL + "\"><title>"), "a multi-task bar per row");
        assertEquals(5, count(svg, "fill=\"" + Palette.STL + "\"><title>"), "a baseline bar per row with one");
        assertEquals(2, count(svg, ">no baseline</text>") - 2, "pos: in place of its bars, and as its reading");
        assertTrue(svg.contains(">bias spread</text>") && svg.contains(">bias reduced</text>"));
        assertTrue(svg.contains(">gated: above +0.0200</text>"));
        assertTrue(svg.contains("not audited: extractive QA is not audited"), "qa keeps its band");
        assertTrue(svg.contains(">limit +0.020</text>") && svg.contains("stroke-dasharray=\"5 4\""), "gate limit");
        assertTrue(html.contains("<section id=\"bias-transfer\" class=\"prominent\">"));
    }

    @Test
    void transferTableHasEveryRow() {
        assertTrue(html.contains("<tr class=\"spread above-limit\"><td>sentiment</td><td>counterfactual-flip-rate"
                + "</td><td>—</td><td class=\"num\">0.0620</td><td class=\"num\">0.0210</td><td class=\"num\">"
                + "+0.0410</td><td class=\"num\">[+0.0190, +0.0640]</td><td>paired</td><td>gated: above +0.0200</td>"
                + "<td>bias spread</td></tr>"));
        assertTrue(html.contains("<tr class=\"reduced\"><td>sentiment</td><td>demographic-parity</td><td>gender"));
        assertTrue(html.contains("<td>counterfactual-max-prob-change</td><td>—</td><td class=\"num\">0.9100</td>"));
        assertTrue(html.contains("<td>not gated</td><td>no significant change</td>"));
        assertTrue(html.contains("<tr class=\"no-baseline\"><td>pos</td><td>counterfactual-token-flip-rate</td>"));
        assertTrue(html.contains("<tr class=\"no-baseline\"><td>qa</td><td>—</td>"));
        assertTrue(html.contains("<td>not audited (see the gate)</td></tr>"));
        String table = html.substring(html.indexOf("<caption>Bias transfer table</caption>"));
        table = table.substring(0, table.indexOf("</table>"));
        assertEquals(8, count(table, "<tr") - 1, "7 transfer rows and qa");
    }

    @Test
    void counterfactualFlipsPerTaskAndModel() {
        String svg = svgById(html, CounterfactualChart.ID);
        assertEquals(4, count(svg, "<circle"), "sentiment: multi-task and baseline; pos: two rates");
        assertTrue(svg.contains(">multi-task  0.0620 [0.0480, 0.0770]</text>"));
        assertTrue(svg.contains(">baseline  0.0210 [0.0070, 0.0360]</text>"));
        assertTrue(svg.contains("<title>pos · counterfactual-token-flip-rate · multi-task: 0.0040 [0.0020, 0.0060]"));
        assertTrue(svg.contains(">tag flips · 388 sources, 702 pairs (multi-task model)</text>"));
        assertTrue(svg.contains(">gate max 0.05</text>"));
        assertTrue(svg.contains("not audited: extractive QA"));
        assertTrue(html.contains("<td>sentiment</td><td>baseline run-b1a5-stl-sentiment</td><td>label flips</td>"
                + "<td class=\"num\">508</td><td class=\"num\">1,240</td><td>counterfactual-flip-rate</td>"));
        assertTrue(html.contains("<td>counterfactual-max-prob-change</td><td class=\"num\">0.9000</td>"
                + "<td class=\"num\">—</td>"), "an estimate without interval");
    }

    @Test
    void changedCasesAreEscapedAndMarked() {
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "no script element, even from user data");
        assertTrue(html.contains("<td class=\"case-text\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; "
                + "<mark>He</mark> said the film was great &amp; &quot;cheap&quot;</td>"));
        assertTrue(html.contains("<mark>She</mark> said the film"));
        assertTrue(html.contains("<td class=\"flip\">positive → negative</td><td class=\"num\">0.710</td>"));
        assertTrue(html.contains("<h3>sentiment · baseline run-b1a5-stl-sentiment: most changed cases</h3>"));
        assertTrue(html.contains("<td class=\"flip\">PRON VERB ADV → PRON NOUN ADV</td>"), "a tag flip");
        assertTrue(html.contains("<mark>Mr.</mark> <mark>Smith</mark> <mark>Jones</mark> was dull"),
                "unequal lengths: the span between common prefix and suffix");
    }

    @Test
    void groupMetricsWithDisparitiesAndGroups() {
        String svg = svgById(html, GroupDisparityChart.ID);
        assertEquals(4, count(svg, "<rect") - count(svg, "fill=\"#eef2f7\"") - 2, "two models × two differences");
        assertTrue(svg.contains("<title>sentiment · gender · multi-task · demographic parity difference: 0.0710 "
                + "[0.0310, 0.1110]</title>"));
        assertTrue(svg.contains(">max 0.1</text>"));
        assertTrue(svg.contains("no group metrics: the task&#39;s test examples carry no group attribute"));
        assertTrue(html.contains("<td>sentiment</td><td>gender</td><td>multi-task</td><td class=\"num\">0.0710</td>"
                + "<td class=\"num\">[0.0310, 0.1110]</td><td class=\"num\">0.0840</td>"));
        assertTrue(html.contains("<tr class=\"no-baseline\"><td>multi-task</td><td>nonbinary</td><td class=\"num\">12"
                + "</td><td>no (too few)</td><td class=\"num\">0.830</td><td class=\"num\">0.800</td>"
                + "<td class=\"num\">0.500</td><td class=\"num\">—</td><td class=\"num\">—</td></tr>"));
    }

    @Test
    void topTokensPerTaskAndModel() {
        String svg = svgById(html, TopTokensChart.ID);
        assertEquals(5, count(svg, "fill=\"" + Palette.MTL + "\"><title>"));
        assertEquals(2, count(svg, "fill=\"" + Palette.STL + "\"><title>"));
        assertTrue(svg.contains("<title>“he”: mean attribution 0.3100 over 3 occurrences</title>"));
        assertTrue(svg.contains(">-0.030 (n=11)</text>"), "a negative attribution");
        assertTrue(svg.contains(">no most changed case to explain"), "pos");
        assertTrue(svg.contains(">baseline run-b1a5-stl-sentiment</text>"));
    }

    @Test
    void representationPerTaskAndSplit() {
        String svg = svgById(html, RepresentationChart.ID);
        assertEquals(9, count(svg, " mentions ("), "2 + 2 + 2 + 3 column segments");
        assertTrue(svg.contains("<title>sentiment · train · gender · masculine: 1,840 mentions (75.1 %)</title>"));
        assertTrue(svg.contains(">masculine 75 %</text>") && svg.contains(">feminine 25 %</text>"));
        assertTrue(svg.contains(">2,450 mentions · 6,920 examples</text>"));
        assertTrue(html.contains("<td>masculine 1,840 · feminine 610</td><td>75.1 % / 24.9 %</td>"
                + "<td>he=900, his=520, she=410, her=200</td>"));
        assertTrue(html.contains("<td>column 1 40 · column 2 35 · column 3 12</td>"), "a three-column category");
    }

    @Test
    void partsComeInReadingOrder() {
        String[] order = {"id=\"bias-verdict\"", "id=\"bias-gate\"", "id=\"bias-not-audited\"",
            "id=\"" + BiasTransferChart.ID + "\"", "<caption>Bias transfer table", "id=\"" + CounterfactualChart.ID
            + "\"", "most changed cases", "id=\"" + GroupDisparityChart.ID + "\"", "id=\"" + TopTokensChart.ID + "\"",
            "id=\"" + RepresentationChart.ID + "\"", "<footer>"};
        int last = -1;
        for (String marker : order) {
            int at = html.indexOf(marker);
            assertTrue(at > last, marker + " after the previous part");
            last = at;
        }
    }

    @Test
    void pageLoadsNothingFromOutside() {
        assertEquals(List.of(), HtmlProbe.urls(html).stream().filter(u -> !u.equals(SvgCanvas.NAMESPACE)).toList());
        String lower = html.toLowerCase(Locale.ROOT);
        for (String tag : List.of("<link", "<img", "<iframe", "<object", "<embed", "@import", "url(", "<script")) {
            assertFalse(lower.contains(tag), tag);
        }
        assertEquals(1, count(html, "<style>"));
    }

    @Test
    void numbersIgnoreTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals(html, BiasReport.html(BiasFixtures.full()));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void sectionHoldsTheSameCharts() {
        String section = BiasReport.section(BiasFixtures.full());
        assertTrue(section.startsWith("<section id=\"bias\" class=\"bias-audit\">"));
        assertTrue(section.contains("<h2>Bias audit</h2><span id=\"bias-verdict\""));
        assertTrue(section.contains("<div id=\"bias-transfer\" class=\"bias-part prominent\"><h3>"));
        for (String id : List.of(BiasTransferChart.ID, CounterfactualChart.ID, GroupDisparityChart.ID,
                TopTokensChart.ID, RepresentationChart.ID)) {
            assertEquals(svgById(html, id), svgById(section, id), id);
        }
        assertFalse(section.contains("<html") || section.contains("<style>"));
    }
}
