package io.multitune.auditor;

import io.multitune.events.EventCodec;
import io.multitune.events.ModelTrained;
import io.multitune.events.RunAudited;
import io.multitune.reporting.BiasReport;
import io.multitune.reporting.BiasReportInput;
import io.multitune.training.artifacts.JobArtifacts;
import io.multitune.training.checkpoint.DurableFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The bias auditor's files under the artifact root, next to the run's models and the evaluator's report:
 * {@code runs/<run>/bias-report.html} and {@code runs/<run>/audit.json} (the run-audited event as sent). The JSON
 * file is written only after the event is on the broker, so its presence says the run is audited.
 */
final class AuditFiles {
    static final String REPORT = "bias-report.html";
    static final String AUDIT = "audit.json";

    private final Path root;

    AuditFiles(Path root) {
        this.root = root;
    }

    /** Writes the bias report atomically and returns it as an artifact. */
    ModelTrained.Artifact writeReport(BiasReportInput input) throws IOException {
        String relative = JobArtifacts.runDirectory(input.audit().runId()) + "/" + REPORT;
        Path file = JobArtifacts.resolve(root, relative);
        Files.createDirectories(file.getParent());
        byte[] html = BiasReport.html(input).getBytes(StandardCharsets.UTF_8);
        DurableFiles.writeAtomically(file, html);
        return new ModelTrained.Artifact("bias-report", relative, DurableFiles.sha256(file), html.length);
    }

    /** Records that the run's audit is on the broker. */
    void markAudited(RunAudited audited) throws IOException {
        Path file = file(audited.runId(), AUDIT);
        Files.createDirectories(file.getParent());
        DurableFiles.writeAtomically(file, EventCodec.INSTANCE.encode(audited));
    }

    boolean audited(String runId) {
        return Files.isRegularFile(file(runId, AUDIT));
    }

    Optional<Path> report(String runId) {
        Path file = file(runId, REPORT);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    Optional<Path> audit(String runId) {
        Path file = file(runId, AUDIT);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private Path file(String runId, String name) {
        return JobArtifacts.resolve(root, JobArtifacts.runDirectory(runId) + "/" + name);
    }
}
