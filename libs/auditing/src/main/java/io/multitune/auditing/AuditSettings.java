package io.multitune.auditing;

import io.multitune.evaluation.stats.PairedBootstrap;

/**
 * How a model is audited.
 *
 * @param batchSize          rows of one task per ONNX Runtime run (default 32)
 * @param maxSourcesPerTask  test examples mentioning a listed term that are swapped, per task; above it a seeded
 *                           sample of this many is taken, in test order (default 500)
 * @param maxTemplateCases   filled templates per task (one case = one template filled with one group of terms, all
 *                           its columns); above it a seeded sample, in template order (default 200)
 * @param explainCases       the most changed pairs per task whose source input gets occlusion attributions
 *                           (default 5; 0: no occlusion)
 * @param topTokens          tokens kept per task from the attributions (default 10)
 * @param changedCases       most changed pairs kept per task in the event (default 5)
 * @param minGroupSize       groups with fewer examples are reported but left out of the group differences
 *                           (default 30)
 * @param bootstrapResamples resamples of every bootstrap interval (default 1000, the least allowed)
 * @param caseInputChars     longest input text kept in a changed case, in characters (default 300)
 */
public record AuditSettings(int batchSize, int maxSourcesPerTask, int maxTemplateCases, int explainCases,
                            int topTokens, int changedCases, int minGroupSize, int bootstrapResamples,
                            int caseInputChars) {

    /** Checks the fields. */
    public AuditSettings {
        positive(batchSize, "batchSize");
        nonNegative(maxSourcesPerTask, "maxSourcesPerTask");
        nonNegative(maxTemplateCases, "maxTemplateCases");
        nonNegative(explainCases, "explainCases");
        nonNegative(topTokens, "topTokens");
        nonNegative(changedCases, "changedCases");
        positive(minGroupSize, "minGroupSize");
        if (bootstrapResamples < PairedBootstrap.MIN_RESAMPLES) {
            throw new IllegalArgumentException("bootstrapResamples must be at least " + PairedBootstrap.MIN_RESAMPLES
                    + ", was " + bootstrapResamples);
        }
        if (caseInputChars < 10) {
            throw new IllegalArgumentException("caseInputChars must be at least 10, was " + caseInputChars);
        }
    }

    /** 32, 500, 200, 5, 10, 5, 30, 1000, 300. */
    public static AuditSettings defaults() {
        return new AuditSettings(32, 500, 200, 5, 10, 5, 30, PairedBootstrap.DEFAULT_RESAMPLES, 300);
    }

    /** These settings with another batch size. */
    public AuditSettings withBatchSize(int batchSize) {
        return new AuditSettings(batchSize, maxSourcesPerTask, maxTemplateCases, explainCases, topTokens,
                changedCases, minGroupSize, bootstrapResamples, caseInputChars);
    }

    /** These settings with another number of explained cases (0: no occlusion). */
    public AuditSettings withExplainCases(int explainCases) {
        return new AuditSettings(batchSize, maxSourcesPerTask, maxTemplateCases, explainCases, topTokens,
                changedCases, minGroupSize, bootstrapResamples, caseInputChars);
    }

    /** These settings with other caps on sources and template cases per task. */
    public AuditSettings withCaps(int maxSourcesPerTask, int maxTemplateCases) {
        return new AuditSettings(batchSize, maxSourcesPerTask, maxTemplateCases, explainCases, topTokens,
                changedCases, minGroupSize, bootstrapResamples, caseInputChars);
    }

    /** These settings with another minimum group size. */
    public AuditSettings withMinGroupSize(int minGroupSize) {
        return new AuditSettings(batchSize, maxSourcesPerTask, maxTemplateCases, explainCases, topTokens,
                changedCases, minGroupSize, bootstrapResamples, caseInputChars);
    }

    private static void positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }

    private static void nonNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be at least 0, was " + value);
        }
    }
}
