package io.multitune.evaluation.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricKindTest {

    private static final double EPS = 1e-12;

    @Test
    void mapsEachRangeToTheUnitInterval() {
        assertEquals(0.7, MetricKind.ACCURACY.toUnitInterval(0.7), EPS);
        assertEquals(0.8, MetricKind.PEARSON.toUnitInterval(0.6), EPS);
        assertEquals(0.0, MetricKind.MCC.toUnitInterval(-1), EPS);
        assertEquals(0.5, MetricKind.MSE.toUnitInterval(1), EPS);
        assertEquals(1.0, MetricKind.MSE.toUnitInterval(0), EPS);
        assertEquals(0.9, MetricKind.ECE.toUnitInterval(0.1), EPS);
    }

    @Test
    void directionOfEachMetric() {
        assertTrue(MetricKind.ROUGE_L.higherIsBetter());
        assertFalse(MetricKind.MSE.higherIsBetter());
        assertFalse(MetricKind.ECE.higherIsBetter());
    }

    @Test
    void looksUpByName() {
        assertEquals(MetricKind.MACRO_F1, MetricKind.byName("Macro_F1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MetricKind.byName("auc"));
        assertTrue(e.getMessage().startsWith("name"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MetricKind.ACCURACY.toUnitInterval(1.5));
        assertThrows(IllegalArgumentException.class, () -> MetricKind.MSE.toUnitInterval(-1));
    }

    @Test
    void primaryMetricDefaultsAndConfiguration() {
        assertEquals(MetricKind.ACCURACY, TaskType.CLASSIFICATION.primaryMetric(null));
        assertEquals(MetricKind.TAG_MACRO_F1, TaskType.TOKEN_CLASSIFICATION.defaultPrimaryMetric());
        assertEquals(MetricKind.PEARSON, TaskType.REGRESSION.defaultPrimaryMetric());
        assertEquals(MetricKind.TOKEN_F1, TaskType.EXTRACTIVE_QA.defaultPrimaryMetric());
        assertEquals(MetricKind.ROUGE_L, TaskType.TEXT_TO_TEXT.defaultPrimaryMetric());
        assertEquals(MetricKind.MACRO_F1, TaskType.CLASSIFICATION.primaryMetric("macro-f1"));
        assertThrows(IllegalArgumentException.class, () -> TaskType.REGRESSION.primaryMetric("bleu"));
    }
}
