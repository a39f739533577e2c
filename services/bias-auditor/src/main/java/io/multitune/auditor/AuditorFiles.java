package io.multitune.auditor;

import io.multitune.intake.RunOutputFiles;

import java.nio.file.Path;

/** The bias auditor's files per run: {@code runs/<run>/bias-report.html} and {@code runs/<run>/audit.json}. */
final class AuditorFiles {
    private AuditorFiles() {
    }

    static RunOutputFiles of(Path artifactRoot) {
        return new RunOutputFiles(artifactRoot, "bias-report.html", "bias-report", "audit.json");
    }
}
