package io.multitune.reporting;

import static io.multitune.reporting.HtmlProbe.count;
import static io.multitune.reporting.HtmlProbe.svgById;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the bias report, alone and embedded in the run's report, in Debian's headless chromium: the DOM holds the
 * verdict and every chart as written, user text stays text, and the page renders to a non-trivial picture. Skipped
 * without chromium (failed when {@code MULTITUNE_REQUIRE_BROWSER=true}); pages and screenshots are kept under
 * {@code target/report-browser/} for a human look.
 */
class BiasReportBrowserTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final List<String> CHARTS = List.of(BiasTransferChart.ID, CounterfactualChart.ID,
            GroupDisparityChart.ID, TopTokensChart.ID, RepresentationChart.ID);

    @TempDir
    Path dir;

    @BeforeAll
    static void requireBrowser() {
        if (!HeadlessChromium.installed()) {
            String install = "chromium is not installed at " + HeadlessChromium.BINARY
                    + ": install it with `apt-get install -y chromium` to run the bias report's browser test";
            if ("true".equalsIgnoreCase(System.getenv("MULTITUNE_REQUIRE_BROWSER"))) {
                fail(install + " (MULTITUNE_REQUIRE_BROWSER=true)");
            }
            Assumptions.assumeTrue(false, install);
        }
    }

    @Test
    void browserRendersBiasVerdictAndCharts() throws Exception {
        Path page = write("bias-report.html", BiasReport.html(BiasFixtures.full()));
        String dom = new HeadlessChromium(dir).dumpDom(page);

        assertTrue(dom.matches("(?s).*<span[^>]*id=\"bias-verdict\"[^>]*data-verdict=\"fail\"[^>]*>BIAS GATE FAIL"
                + "</span>.*"), "bias verdict badge in the rendered DOM");
        for (String id : CHARTS) {
            assertTrue(count(svgById(dom, id), "<rect") > 0 || count(svgById(dom, id), "<circle") > 0, id);
        }
        String transfer = svgById(dom, BiasTransferChart.ID);
        assertEquals(5, count(transfer, "<circle"), "a difference per sentiment figure; pos has no baseline");
        assertEquals(1, count(transfer, "fill=\"#ffffff\" stroke=\"" + Palette.NEUTRAL + "\""), "one not gated");
        assertEquals(1, count(transfer, "fill=\"" + Palette.NEGATIVE + "\" stroke=\"#ffffff\""), "one spread");
        assertTrue(transfer.contains("not audited: extractive QA"));
        assertTrue(dom.contains("id=\"bias-not-audited\""));
        assertFalse(dom.toLowerCase(Locale.ROOT).contains("<script"), "user text stayed text");
        assertTrue(dom.contains("&lt;script&gt;alert('x')&lt;/script&gt;"));
    }

    @Test
    void browserRendersTheBiasSectionOfTheRunReport() throws Exception {
        RunReportInput base = ReportFixtures.full();
        RunReportInput input = new RunReportInput(base.plan(), base.evaluation(), base.models(), base.progressByJob(),
                base.validationByJob(), base.generatedAt(), BiasFixtures.full());
        Path page = write("report-with-bias.html", RunReport.html(input));
        String dom = new HeadlessChromium(dir).dumpDom(page);

        assertTrue(dom.matches("(?s).*<span[^>]*id=\"run-verdict\"[^>]*data-verdict=\"fail\"[^>]*>FAIL</span>.*"),
                "the run's verdict");
        assertTrue(dom.matches(
                "(?s).*<span[^>]*id=\"verdict\"[^>]*data-verdict=\"fail\"[^>]*>evaluation FAIL</span>.*"),
                "the evaluation's verdict");
        assertTrue(dom.contains("id=\"bias-verdict\""), "and the bias gate's");
        for (String id : CHARTS) {
            assertEquals(1, count(dom, "id=\"" + id + "\""), id);
        }
        assertTrue(dom.contains("href=\"#bias\""));
    }

    @Test
    void browserTakesScreenshots() throws Exception {
        Path page = write("bias-report.html", BiasReport.html(BiasFixtures.full()));
        Path png = dir.resolve("bias-report.png");
        new HeadlessChromium(dir).screenshot(page, png, 1280, 7400);

        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, 8), "a PNG");
        assertTrue(bytes.length > 100_000, "a page with charts, not a blank one: " + bytes.length + " bytes");
        keep(page, png);

        RunReportInput base = ReportFixtures.full();
        Path report = write("report-with-bias.html", RunReport.html(new RunReportInput(base.plan(),
                base.evaluation(), base.models(), base.progressByJob(), base.validationByJob(), base.generatedAt(),
                BiasFixtures.full())));
        Path reportPng = dir.resolve("report-with-bias.png");
        new HeadlessChromium(dir).screenshot(report, reportPng, 1280, 12000);
        assertTrue(Files.size(reportPng) > 200_000, "the run's report with its bias section");
        keep(report, reportPng);
    }

    private Path write(String name, String html) throws Exception {
        return Files.writeString(dir.resolve(name), html, StandardCharsets.UTF_8);
    }

    /** Keeps the page and its picture under target/ for a human look; best effort. */
    private static void keep(Path... files) throws Exception {
        Path target = Path.of("target", "report-browser");
        Files.createDirectories(target);
        for (Path f : files) {
            Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
