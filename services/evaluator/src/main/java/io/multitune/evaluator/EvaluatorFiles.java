package io.multitune.evaluator;

import io.multitune.intake.RunOutputFiles;

import java.nio.file.Path;

/** The evaluator's files per run: {@code runs/<run>/report.html} and {@code runs/<run>/evaluation.json}. */
final class EvaluatorFiles {
    private EvaluatorFiles() {
    }

    static RunOutputFiles of(Path artifactRoot) {
        return new RunOutputFiles(artifactRoot, "report.html", "report", "evaluation.json");
    }
}
