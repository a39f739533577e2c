package io.multitune.reporting;

import static io.multitune.reporting.HtmlProbe.count;
import static io.multitune.reporting.HtmlProbe.svgById;
import static io.multitune.reporting.HtmlProbe.svgsByClass;
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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the report in a real browser (Debian's headless chromium): the page parses into the DOM the charts and the
 * verdict were written as, and renders to a non-trivial picture. Without chromium the test is skipped, or fails
 * when {@code MULTITUNE_REQUIRE_BROWSER=true} (CI images that must have it). The page and its screenshot are kept
 * under {@code target/report-browser/} for a human look.
 */
class ReportBrowserTest {

    private static final String INSTALL = "chromium is not installed at " + HeadlessChromium.BINARY
            + ": install it with `apt-get install -y chromium` to run the report's browser test";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    @BeforeAll
    static void requireBrowser() {
        if (!HeadlessChromium.installed()) {
            if ("true".equalsIgnoreCase(System.getenv("MULTITUNE_REQUIRE_BROWSER"))) {
                fail(INSTALL + " (MULTITUNE_REQUIRE_BROWSER=true)");
            }
            Assumptions.assumeTrue(false, INSTALL);
        }
    }

    @Test
    void browserRendersVerdictAndCharts() throws Exception {
        Path page = write("report.html", RunReport.html(ReportFixtures.full()));
        String dom = new HeadlessChromium(dir).dumpDom(page);

        assertTrue(dom.contains("id=\"verdict\""), "verdict element in the rendered DOM");
        assertTrue(dom.matches("(?s).*<span[^>]*id=\"verdict\"[^>]*data-verdict=\"fail\"[^>]*>FAIL</span>.*"));
        String comparison = svgById(dom, MtlVsBaselineChart.ID);
        assertTrue(count(comparison, "<rect") >= 5 && count(comparison, "<circle") == 2);
        assertTrue(comparison.contains("sentiment · multi-task accuracy: 0.9120"));
        List<String> curves = svgsByClass(dom, TrainingCurvesChart.LOSS_CLASS);
        assertEquals(3, curves.size());
        assertTrue(curves.stream().allMatch(svg -> svg.contains("<path")));
        assertEquals(3, count(svgById(dom, TaskWeightsSection.ID), "<path"));
        assertTrue(count(svgById(dom, ConflictMatrixChart.ID), "<rect") >= 9);
        assertFalse(dom.toLowerCase(java.util.Locale.ROOT).contains("<script"), "user text stayed text");
        assertTrue(dom.contains("&lt;script&gt;alert('x')&lt;/script&gt;"));
    }

    @Test
    void browserTakesAScreenshot() throws Exception {
        Path page = write("report.html", RunReport.html(ReportFixtures.full()));
        Path png = dir.resolve("report.png");
        new HeadlessChromium(dir).screenshot(page, png, 1280, 4000);

        assertTrue(Files.exists(png), "screenshot written");
        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, 8), "a PNG");
        assertTrue(bytes.length > 100_000, "a page with charts, not a blank one: " + bytes.length + " bytes");
        keep(page, png);
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
