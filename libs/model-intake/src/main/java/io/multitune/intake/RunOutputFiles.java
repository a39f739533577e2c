package io.multitune.intake;

import io.multitune.events.EventCodec;
import io.multitune.events.ModelTrained;
import io.multitune.events.PipelineEvent;
import io.multitune.training.artifacts.JobArtifacts;
import io.multitune.training.checkpoint.DurableFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A judging service's two files per run under the artifact root, next to the run's models: its HTML report and its
 * result event as JSON ({@code runs/<run>/<report>}, {@code runs/<run>/<result>}). The result file is written only
 * after the event is on the broker, so its presence says the run is done: a restarted service does not redo it.
 */
public final class RunOutputFiles {
    private final Path root;
    private final String reportName;
    private final String reportRole;
    private final String resultName;

    /**
     * @param reportName the report's file name (e.g. {@code report.html})
     * @param reportRole the role the report has as an artifact in the result event (e.g. {@code report})
     * @param resultName the result's file name (e.g. {@code evaluation.json})
     */
    public RunOutputFiles(Path root, String reportName, String reportRole, String resultName) {
        this.root = root;
        this.reportName = reportName;
        this.reportRole = reportRole;
        this.resultName = resultName;
    }

    /** Writes the run's report atomically and returns it as an artifact (relative path, SHA-256, size). */
    public ModelTrained.Artifact writeReport(String runId, String html) throws IOException {
        String relative = JobArtifacts.runDirectory(runId) + "/" + reportName;
        Path file = JobArtifacts.resolve(root, relative);
        Files.createDirectories(file.getParent());
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        DurableFiles.writeAtomically(file, bytes);
        return new ModelTrained.Artifact(reportRole, relative, DurableFiles.sha256(file), bytes.length);
    }

    /** Records the run's result event, once it is on the broker. */
    public void markDone(PipelineEvent result, String runId) throws IOException {
        Path file = file(runId, resultName);
        Files.createDirectories(file.getParent());
        DurableFiles.writeAtomically(file, EventCodec.INSTANCE.encode(result));
    }

    public boolean done(String runId) {
        return Files.isRegularFile(file(runId, resultName));
    }

    /** The run's report, when written. */
    public Optional<Path> report(String runId) {
        return existing(runId, reportName);
    }

    /** The run's result event as JSON, when done. */
    public Optional<Path> result(String runId) {
        return existing(runId, resultName);
    }

    private Optional<Path> existing(String runId, String name) {
        Path file = file(runId, name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private Path file(String runId, String name) {
        return JobArtifacts.resolve(root, JobArtifacts.runDirectory(runId) + "/" + name);
    }
}
