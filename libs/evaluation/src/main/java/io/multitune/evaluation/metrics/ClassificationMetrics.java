package io.multitune.evaluation.metrics;

import io.multitune.evaluation.Arguments;

import java.util.ArrayList;
import java.util.List;

/**
 * Sequence classification metrics: accuracy, per-class precision/recall/F1, macro-F1, MCC and expected calibration
 * error.
 *
 * <p><b>Zero-support convention of macro-F1.</b> A class with no support and no prediction is left out of the
 * macro average (nothing was asked of it and nothing claimed); a class with predictions but no support, or with
 * support but no predictions, counts F1 0. This is what scikit-learn's {@code f1_score(average="macro")} gives when
 * it infers the labels from the data (the union of gold and predicted labels) with {@code zero_division=0}.
 */
public final class ClassificationMetrics {

    /** Bins of the expected calibration error, as in Guo et al. (2017). */
    public static final int DEFAULT_ECE_BINS = 15;

    private ClassificationMetrics() {
    }

    /** Share of examples whose predicted label equals the gold label. */
    public static double accuracy(int[] gold, int[] predicted) {
        Arguments.notNull(gold, "gold");
        Arguments.notNull(predicted, "predicted");
        Arguments.sameNonEmptyLength(gold.length, predicted.length, "gold", "predicted");
        int right = 0;
        for (int i = 0; i < gold.length; i++) {
            if (gold[i] == predicted[i]) {
                right++;
            }
        }
        return (double) right / gold.length;
    }

    /** Precision, recall, F1 and support of every class 0..k−1 of the matrix. */
    public static List<ClassScores> perClass(ConfusionMatrix matrix) {
        Arguments.notNull(matrix, "matrix");
        List<ClassScores> scores = new ArrayList<>(matrix.numClasses());
        for (int k = 0; k < matrix.numClasses(); k++) {
            long tp = matrix.count(k, k);
            long support = matrix.support(k);
            long predicted = matrix.predictedCount(k);
            double precision = predicted == 0 ? 0.0 : (double) tp / predicted;
            double recall = support == 0 ? 0.0 : (double) tp / support;
            double f1 = precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
            scores.add(new ClassScores(k, precision, recall, f1, support, predicted));
        }
        return List.copyOf(scores);
    }

    /** Mean per-class F1 over the classes that have support or predictions (see the class doc). */
    public static double macroF1(ConfusionMatrix matrix) {
        double sum = 0;
        int counted = 0;
        for (ClassScores s : perClass(matrix)) {
            if (s.support() == 0 && s.predictedCount() == 0) {
                continue;
            }
            sum += s.f1();
            counted++;
        }
        return counted == 0 ? 0.0 : sum / counted;
    }

    /** Macro-F1 of gold and predicted label indices in 0..numClasses−1. */
    public static double macroF1(int[] gold, int[] predicted, int numClasses) {
        return macroF1(ConfusionMatrix.of(gold, predicted, numClasses));
    }

    /**
     * Matthews correlation coefficient, Gorodkin's multiclass form (c·s − Σ p_k t_k) / √((s² − Σ p_k²)(s² − Σ t_k²));
     * with two classes it equals the binary (TP·TN − FP·FN) / √(…). 0 when a denominator factor is 0.
     */
    public static double mcc(ConfusionMatrix matrix) {
        Arguments.notNull(matrix, "matrix");
        double s = matrix.total();
        double c = matrix.correct();
        double sumPt = 0;
        double sumP2 = 0;
        double sumT2 = 0;
        for (int k = 0; k < matrix.numClasses(); k++) {
            double p = matrix.predictedCount(k);
            double t = matrix.support(k);
            sumPt += p * t;
            sumP2 += p * p;
            sumT2 += t * t;
        }
        double denominator = (s * s - sumP2) * (s * s - sumT2);
        if (denominator == 0) {
            return 0.0;
        }
        return (c * s - sumPt) / Math.sqrt(denominator);
    }

    /** MCC of gold and predicted label indices in 0..numClasses−1. */
    public static double mcc(int[] gold, int[] predicted, int numClasses) {
        return mcc(ConfusionMatrix.of(gold, predicted, numClasses));
    }

    /**
     * Expected calibration error with {@code bins} equal-width bins: Σ_b (n_b/N)·|acc(b) − conf(b)|. Bin b holds the
     * confidences in (b/M, (b+1)/M]; a confidence of exactly 0 goes to the first bin.
     */
    public static double expectedCalibrationError(double[] confidence, boolean[] correct, int bins) {
        Arguments.notNull(confidence, "confidence");
        Arguments.notNull(correct, "correct");
        Arguments.sameNonEmptyLength(confidence.length, correct.length, "confidence", "correct");
        Arguments.require(bins > 0, "bins", "must be positive, was " + bins);
        double[] confidenceSum = new double[bins];
        double[] correctSum = new double[bins];
        long[] count = new long[bins];
        for (int i = 0; i < confidence.length; i++) {
            double p = confidence[i];
            Arguments.require(p >= 0 && p <= 1, "confidence", "value " + p + " at " + i + " is outside [0, 1]");
            int b = Math.max(0, Math.min(bins - 1, (int) Math.ceil(p * bins) - 1));
            confidenceSum[b] += p;
            correctSum[b] += correct[i] ? 1 : 0;
            count[b]++;
        }
        double ece = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                ece += Math.abs(correctSum[b] - confidenceSum[b]) / confidence.length;
            }
        }
        return ece;
    }

    /** Expected calibration error with the default 15 bins. */
    public static double expectedCalibrationError(double[] confidence, boolean[] correct) {
        return expectedCalibrationError(confidence, correct, DEFAULT_ECE_BINS);
    }

    /**
     * Expected calibration error (15 bins) from class probabilities: the confidence of an example is its largest
     * probability and it is correct when that class (the first, on ties) is the gold label.
     */
    public static double expectedCalibrationError(double[][] probabilities, int[] gold) {
        Arguments.notNull(probabilities, "probabilities");
        Arguments.notNull(gold, "gold");
        Arguments.sameNonEmptyLength(probabilities.length, gold.length, "probabilities", "gold");
        double[] confidence = new double[gold.length];
        boolean[] correct = new boolean[gold.length];
        for (int i = 0; i < gold.length; i++) {
            double[] row = probabilities[i];
            Arguments.require(row != null && row.length > 0, "probabilities", "row " + i + " is empty");
            int best = 0;
            for (int k = 1; k < row.length; k++) {
                if (row[k] > row[best]) {
                    best = k;
                }
            }
            confidence[i] = row[best];
            correct[i] = best == gold[i];
        }
        return expectedCalibrationError(confidence, correct, DEFAULT_ECE_BINS);
    }
}
