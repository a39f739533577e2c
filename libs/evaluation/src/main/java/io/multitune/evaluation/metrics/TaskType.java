package io.multitune.evaluation.metrics;

import io.multitune.evaluation.Arguments;

import java.util.Set;

/**
 * Task types, the metrics each supports, and the default primary metric, the one Δm, the unified score and the gate
 * use unless the run request names another.
 * <ul>
 *   <li>classification: accuracy — McNemar's test is a test of paired correctness, so the primary metric and the
 *       exact test then speak about the same thing; macro-F1 is the choice for imbalanced label sets;</li>
 *   <li>token classification: macro-F1 over tags — it works for any tag set (POS as well as BIO) and does not let
 *       the dominant O tag hide errors as token accuracy does; entity F1 is the choice for NER;</li>
 *   <li>regression: Pearson (GLUE's STS-B convention);</li>
 *   <li>extractive QA: token F1 (SQuAD's headline metric next to EM, and smoother);</li>
 *   <li>text-to-text: ROUGE-L.</li>
 * </ul>
 */
public enum TaskType {
    CLASSIFICATION(MetricKind.ACCURACY,
            Set.of(MetricKind.ACCURACY, MetricKind.MACRO_F1, MetricKind.MCC, MetricKind.ECE)),
    TOKEN_CLASSIFICATION(MetricKind.TAG_MACRO_F1,
            Set.of(MetricKind.TOKEN_ACCURACY, MetricKind.TAG_MACRO_F1, MetricKind.ENTITY_F1)),
    REGRESSION(MetricKind.PEARSON, Set.of(MetricKind.PEARSON, MetricKind.SPEARMAN, MetricKind.MSE)),
    EXTRACTIVE_QA(MetricKind.TOKEN_F1, Set.of(MetricKind.EXACT_MATCH, MetricKind.TOKEN_F1)),
    TEXT_TO_TEXT(MetricKind.ROUGE_L, Set.of(MetricKind.ROUGE_L, MetricKind.BLEU));

    private final MetricKind defaultPrimaryMetric;
    private final Set<MetricKind> metrics;

    TaskType(MetricKind defaultPrimaryMetric, Set<MetricKind> metrics) {
        this.defaultPrimaryMetric = defaultPrimaryMetric;
        this.metrics = metrics;
    }

    /** The primary metric when the run request names none. */
    public MetricKind defaultPrimaryMetric() {
        return defaultPrimaryMetric;
    }

    /** The metrics computed for this task type. */
    public Set<MetricKind> metrics() {
        return metrics;
    }

    /** The configured primary metric if given (it must belong to this type), else the default. */
    public MetricKind primaryMetric(String configured) {
        if (configured == null || configured.isBlank()) {
            return defaultPrimaryMetric;
        }
        MetricKind kind = MetricKind.byName(configured);
        Arguments.require(metrics.contains(kind), "configured",
                "metric '" + configured + "' is not computed for " + name() + "; choose one of " + metrics);
        return kind;
    }
}
