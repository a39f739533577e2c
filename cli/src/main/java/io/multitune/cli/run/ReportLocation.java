package io.multitune.cli.run;

import io.multitune.cli.common.ProjectLayout;
import io.multitune.cli.services.ServiceLauncher;
import io.multitune.events.ModelTrained;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a run's reports can be opened from here. Events carry a report's path relative to the artifact root; it
 * becomes an absolute path when that root is on this machine, and the evaluator serves the reports over HTTP.
 *
 * @param artifactRoot the artifact root as this machine sees it: {@code $MULTITUNE_ARTIFACT_ROOT}, else
 *                     {@code .multitune/artifacts} of the repository (where {@code ./multitune services start}
 *                     puts it); null when there is neither
 * @param evaluatorUrl the evaluator's base URL: {@code $MULTITUNE_EVALUATOR_URL}, else {@value #DEFAULT_EVALUATOR_URL}
 */
public record ReportLocation(Path artifactRoot, String evaluatorUrl) {
    /** Environment variable with the evaluator's base URL. */
    public static final String EVALUATOR_URL_ENV = "MULTITUNE_EVALUATOR_URL";
    /** The local evaluator (its default port). */
    public static final String DEFAULT_EVALUATOR_URL = "http://localhost:8084";

    public static ReportLocation fromEnvironment() {
        String root = System.getenv(ServiceLauncher.ARTIFACT_ROOT_ENV);
        Path artifactRoot = root != null && !root.isBlank() ? Path.of(root)
                : ProjectLayout.find().map(ProjectLayout::artifactsDir).orElse(null);
        String url = System.getenv(EVALUATOR_URL_ENV);
        return new ReportLocation(artifactRoot, url == null || url.isBlank() ? DEFAULT_EVALUATOR_URL : url);
    }

    /**
     * The report's path: absolute when the artifact root is a folder on this machine (noting when the file is not
     * there), else as the event gives it, relative to the artifact root.
     */
    public String path(ModelTrained.Artifact report) {
        if (artifactRoot != null && Files.isDirectory(artifactRoot)) {
            Path file = artifactRoot.resolve(report.path()).toAbsolutePath().normalize();
            return file + (Files.isRegularFile(file) ? "" : " (no such file here)");
        }
        return report.path() + " (under the artifact root; not on this machine)";
    }

    /** The evaluator's URL of a run's page, e.g. {@code endpoint} "run-report" or "report". */
    public String url(String runId, String endpoint) {
        String base = evaluatorUrl.endsWith("/") ? evaluatorUrl.substring(0, evaluatorUrl.length() - 1) : evaluatorUrl;
        return base + "/runs/" + URLEncoder.encode(runId, StandardCharsets.UTF_8).replace("+", "%20") + "/"
                + endpoint;
    }

    /** Two lines: "{label}: path" and the URL under it. */
    public String lines(String label, String runId, ModelTrained.Artifact report, String endpoint) {
        return label + ": " + path(report) + "\n" + " ".repeat(label.length() + 2) + url(runId, endpoint) + "\n";
    }
}
