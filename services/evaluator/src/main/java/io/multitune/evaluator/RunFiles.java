package io.multitune.evaluator;

import io.multitune.events.EventCodec;
import io.multitune.events.ModelTrained;
import io.multitune.events.RunEvaluated;
import io.multitune.reporting.RunReport;
import io.multitune.reporting.RunReportInput;
import io.multitune.training.artifacts.JobArtifacts;
import io.multitune.training.checkpoint.DurableFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The evaluator's files under the artifact root, next to the run's models: {@code runs/<run>/report.html} and
 * {@code runs/<run>/evaluation.json} (the run-evaluated event as sent). The JSON file is written only after the
 * event is on the broker, so its presence says the run is judged: a restarted evaluator does not judge it again.
 */
final class RunFiles {
    static final String REPORT = "report.html";
    static final String EVALUATION = "evaluation.json";

    private final Path root;

    RunFiles(Path root) {
        this.root = root;
    }

    /** Writes the report atomically and returns it as an artifact (path relative to the root, SHA-256, size). */
    ModelTrained.Artifact writeReport(RunReportInput input) throws IOException {
        String relative = JobArtifacts.runDirectory(input.evaluation().runId()) + "/" + REPORT;
        Path file = JobArtifacts.resolve(root, relative);
        Files.createDirectories(file.getParent());
        byte[] html = RunReport.html(input).getBytes(StandardCharsets.UTF_8);
        DurableFiles.writeAtomically(file, html);
        return new ModelTrained.Artifact("report", relative, DurableFiles.sha256(file), html.length);
    }

    /** Records that the run's evaluation is on the broker. */
    void markJudged(RunEvaluated evaluated) throws IOException {
        Path file = JobArtifacts.resolve(root, JobArtifacts.runDirectory(evaluated.runId()) + "/" + EVALUATION);
        Files.createDirectories(file.getParent());
        DurableFiles.writeAtomically(file, EventCodec.INSTANCE.encode(evaluated));
    }

    boolean judged(String runId) {
        return Files.isRegularFile(file(runId, EVALUATION));
    }

    /** The run's report, when written. */
    Optional<Path> report(String runId) {
        Path file = file(runId, REPORT);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** The run's evaluation JSON, when judged. */
    Optional<Path> evaluation(String runId) {
        Path file = file(runId, EVALUATION);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private Path file(String runId, String name) {
        return JobArtifacts.resolve(root, JobArtifacts.runDirectory(runId) + "/" + name);
    }
}
