package io.multitune.evaluation.comparison;

import io.multitune.evaluation.Arguments;
import io.multitune.evaluation.metrics.MetricKind;
import io.multitune.evaluation.stats.BootstrapResult;
import io.multitune.evaluation.stats.McNemarResult;
import io.multitune.evaluation.stats.PairedBootstrap;

import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * One task's primary metric, multi-task model against its single-task baseline.
 *
 * @param task                  task id
 * @param metric                the primary metric
 * @param mtl                   metric of the multi-task model
 * @param stl                   metric of the single-task baseline
 * @param difference            mtl − stl (raw, not sign-adjusted)
 * @param ciLower               lower bound of the paired bootstrap interval of the difference
 * @param ciUpper               upper bound
 * @param alpha                 1 − confidence level of the interval and significance level of McNemar
 * @param mcnemar               McNemar's test on paired correctness, for classification tasks; empty otherwise
 * @param relativeChangePercent (−1)^l (mtl − stl)/|stl| × 100, positive = better; NaN when stl is 0
 * @param significantlyWorse    the interval lies wholly on the worse side of 0 (upper &lt; 0 when higher is better,
 *                              lower &gt; 0 when lower is better)
 * @param negativeTransfer      significantly worse by the interval, or by McNemar (c &gt; b, p &lt; α) where present:
 *                              either paired test finding the multi-task model worse flags the task
 */
public record TaskComparison(String task, MetricKind metric, double mtl, double stl, double difference,
                             double ciLower, double ciUpper, double alpha, Optional<McNemarResult> mcnemar,
                             double relativeChangePercent, boolean significantlyWorse, boolean negativeTransfer) {

    /** Checks the fields. */
    public TaskComparison {
        Arguments.require(task != null && !task.isBlank(), "task", "must be a non-blank id");
        Arguments.notNull(metric, "metric");
        Arguments.notNull(mcnemar, "mcnemar");
        Arguments.require(ciLower <= ciUpper, "ciLower", ciLower + " exceeds ciUpper " + ciUpper);
    }

    /**
     * The comparison from the two metric values, their bootstrap interval, and McNemar's result (null when the task
     * is not a classification task).
     */
    public static TaskComparison of(String task, MetricKind metric, double mtl, double stl, BootstrapResult interval,
                                    McNemarResult mcnemar) {
        Arguments.notNull(metric, "metric");
        Arguments.notNull(interval, "interval");
        Arguments.finite(mtl, "mtl");
        Arguments.finite(stl, "stl");
        double sign = metric.higherIsBetter() ? 1 : -1;
        double relative = stl == 0 ? Double.NaN : sign * (mtl - stl) / Math.abs(stl) * 100;
        boolean worseByInterval = metric.higherIsBetter() ? interval.upper() < 0 : interval.lower() > 0;
        boolean worseByMcNemar = mcnemar != null && mcnemar.mtlWorseAt(interval.alpha());
        return new TaskComparison(task, metric, mtl, stl, mtl - stl, interval.lower(), interval.upper(),
                interval.alpha(), Optional.ofNullable(mcnemar), relative, worseByInterval,
                worseByInterval || worseByMcNemar);
    }

    /**
     * Computes the metric of both models on all n examples, bootstraps the difference at level α, and builds the
     * comparison; {@code mcnemar} is null for tasks that are not classification.
     */
    public static TaskComparison compute(String task, MetricKind metric, int n, ToDoubleFunction<int[]> mtlMetric,
                                         ToDoubleFunction<int[]> stlMetric, PairedBootstrap bootstrap, double alpha,
                                         McNemarResult mcnemar) {
        Arguments.notNull(bootstrap, "bootstrap");
        Arguments.require(n > 0, "n", "must be positive, was " + n);
        BootstrapResult interval = bootstrap.compare(n, mtlMetric, stlMetric, alpha);
        int[] all = IntStream.range(0, n).toArray();
        return of(task, metric, mtlMetric.applyAsDouble(all), stlMetric.applyAsDouble(all), interval, mcnemar);
    }

    /** How much worse than the baseline in percent (the negated relative change); NaN when the baseline is 0. */
    public double dropPercent() {
        return -relativeChangePercent;
    }
}
