package io.multitune.scoring;

import io.multitune.evaluation.metrics.ClassificationMetrics;
import io.multitune.evaluation.metrics.MetricKind;
import io.multitune.evaluation.metrics.QaMetrics;
import io.multitune.evaluation.metrics.RegressionMetrics;
import io.multitune.evaluation.metrics.TaskType;
import io.multitune.evaluation.metrics.TokenClassificationMetrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Scores {@link TaskPredictions} with libs/evaluation's metric functions. Every metric, on all examples or on a
 * bootstrap resample, goes through one function of (metric, example indices), so the full-set value and the
 * resampled ones are computed the same way.
 */
public final class PredictionMetrics {

    private PredictionMetrics() {
    }

    /** The libs/evaluation task type of a job task type; text-to-text is not scored here. */
    public static TaskType evaluationType(io.multitune.events.TaskType type) {
        return switch (type) {
            case TEXT_CLASSIFICATION, TEXT_PAIR_CLASSIFICATION -> TaskType.CLASSIFICATION;
            case TOKEN_CLASSIFICATION -> TaskType.TOKEN_CLASSIFICATION;
            case REGRESSION -> TaskType.REGRESSION;
            case EXTRACTIVE_QA -> TaskType.EXTRACTIVE_QA;
            case TEXT_TO_TEXT -> throw new IllegalArgumentException("text-to-text tasks are not scored by ModelScorer");
        };
    }

    /** Scores with the task type's default primary metric. */
    public static TaskScores score(TaskPredictions predictions) {
        return score(predictions, null);
    }

    /**
     * Scores with a configured primary metric (null or blank: the type's default; otherwise it must be one of the
     * type's metrics that applies to this task).
     */
    public static TaskScores score(TaskPredictions predictions, String primaryMetric) {
        if (predictions.size() == 0) {
            throw new IllegalArgumentException("task '" + predictions.taskId() + "' has no predictions to score");
        }
        TaskType type = evaluationType(predictions.taskType());
        MetricKind primary = type.primaryMetric(primaryMetric);
        List<MetricKind> kinds = applicable(type, predictions);
        if (!kinds.contains(primary)) {
            throw new IllegalArgumentException("metric '" + primary.metricName() + "' does not apply to task '"
                    + predictions.taskId() + "' (its metrics: " + kinds.stream().map(MetricKind::metricName).toList()
                    + ")");
        }
        int[] all = IntStream.range(0, predictions.size()).toArray();
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (MetricKind kind : kinds) {
            metrics.put(kind.metricName(), compute(kind, predictions, all));
        }
        boolean[] correct = predictions instanceof TaskPredictions.Classification c ? c.correct() : null;
        ToDoubleFunction<int[]> onSubset = indices -> compute(primary, predictions, indices);
        return new TaskScores(predictions.taskId(), type, Collections.unmodifiableMap(metrics), primary,
                metrics.get(primary.metricName()), correct, onSubset, predictions.size());
    }

    /** The type's metrics that apply to these predictions, in a stable order (entity-f1 only for BIO tag sets). */
    static List<MetricKind> applicable(TaskType type, TaskPredictions predictions) {
        List<MetricKind> kinds = new ArrayList<>();
        for (MetricKind kind : MetricKind.values()) {
            if (!type.metrics().contains(kind)) {
                continue;
            }
            if (kind == MetricKind.ENTITY_F1 && !(predictions instanceof TaskPredictions.Tagging t
                    && isBio(t.labels()))) {
                continue;
            }
            kinds.add(kind);
        }
        return kinds;
    }

    /** Whether a tag set is BIO: every tag is O, B-TYPE or I-TYPE, and some tag is not O. */
    public static boolean isBio(List<String> tags) {
        boolean entity = false;
        for (String tag : tags) {
            if (tag.equals("O")) {
                continue;
            }
            if ((tag.startsWith("B-") || tag.startsWith("I-")) && tag.length() > 2) {
                entity = true;
            } else {
                return false;
            }
        }
        return entity;
    }

    /** One metric on the examples at {@code indices} (repeats allowed). */
    public static double compute(MetricKind kind, TaskPredictions predictions, int[] indices) {
        if (indices.length == 0) {
            throw new IllegalArgumentException("no example indices for task '" + predictions.taskId() + "'");
        }
        if (predictions instanceof TaskPredictions.Classification c) {
            int[] gold = select(c.gold(), indices);
            int[] predicted = select(c.predicted(), indices);
            return switch (kind) {
                case ACCURACY -> ClassificationMetrics.accuracy(gold, predicted);
                case MACRO_F1 -> ClassificationMetrics.macroF1(gold, predicted, c.labels().size());
                case MCC -> ClassificationMetrics.mcc(gold, predicted, c.labels().size());
                case ECE -> {
                    double[][] probabilities = new double[indices.length][];
                    for (int i = 0; i < indices.length; i++) {
                        probabilities[i] = c.probabilities()[indices[i]];
                    }
                    yield ClassificationMetrics.expectedCalibrationError(probabilities, gold);
                }
                default -> throw unsupported(kind, predictions);
            };
        }
        if (predictions instanceof TaskPredictions.Tagging t) {
            List<List<String>> gold = select(t.gold(), indices);
            List<List<String>> predicted = select(t.predicted(), indices);
            return switch (kind) {
                case TOKEN_ACCURACY -> TokenClassificationMetrics.tokenAccuracy(gold, predicted);
                case TAG_MACRO_F1 -> TokenClassificationMetrics.macroF1OverTags(gold, predicted);
                case ENTITY_F1 -> TokenClassificationMetrics.entityF1(gold, predicted);
                default -> throw unsupported(kind, predictions);
            };
        }
        if (predictions instanceof TaskPredictions.Regression r) {
            double[] gold = select(r.gold(), indices);
            double[] predicted = select(r.predicted(), indices);
            return switch (kind) {
                case PEARSON -> RegressionMetrics.pearson(gold, predicted);
                case SPEARMAN -> RegressionMetrics.spearman(gold, predicted);
                case MSE -> RegressionMetrics.mse(gold, predicted);
                default -> throw unsupported(kind, predictions);
            };
        }
        TaskPredictions.QuestionAnswering q = (TaskPredictions.QuestionAnswering) predictions;
        List<String> predicted = select(q.predicted(), indices);
        List<List<String>> golds = select(q.gold(), indices).stream().map(List::of).toList();
        return switch (kind) {
            case EXACT_MATCH -> QaMetrics.meanExactMatch(predicted, golds);
            case TOKEN_F1 -> QaMetrics.meanTokenF1(predicted, golds);
            default -> throw unsupported(kind, predictions);
        };
    }

    private static IllegalArgumentException unsupported(MetricKind kind, TaskPredictions p) {
        return new IllegalArgumentException("metric '" + kind.metricName() + "' does not apply to task '"
                + p.taskId() + "' (" + p.taskType().wireName() + ")");
    }

    private static int[] select(int[] values, int[] indices) {
        int[] out = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = values[indices[i]];
        }
        return out;
    }

    private static double[] select(double[] values, int[] indices) {
        double[] out = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = values[indices[i]];
        }
        return out;
    }

    private static <T> List<T> select(List<T> values, int[] indices) {
        List<T> out = new ArrayList<>(indices.length);
        for (int index : indices) {
            out.add(values.get(index));
        }
        return out;
    }
}
