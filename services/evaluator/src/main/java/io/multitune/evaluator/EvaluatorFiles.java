package io.multitune.evaluator;

import io.multitune.intake.RunOutputFiles;

import java.nio.file.Path;

/**
 * The evaluator's files per run: {@code runs/<run>/report.html} and {@code runs/<run>/evaluation.json}; and, for the
 * run's end, {@code runs/<run>/run-report.html} (evaluation and bias audit on one page) and {@code outcome.json}.
 */
final class EvaluatorFiles {
    private EvaluatorFiles() {
    }

    static RunOutputFiles of(Path artifactRoot) {
        return new RunOutputFiles(artifactRoot, "report.html", "report", "evaluation.json");
    }

    static RunOutputFiles runEnd(Path artifactRoot) {
        return new RunOutputFiles(artifactRoot, "run-report.html", "run-report", "outcome.json");
    }
}
