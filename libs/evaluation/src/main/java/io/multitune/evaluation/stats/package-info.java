/**
 * Paired significance tests of a multi-task model against its single-task baseline on the same test examples:
 * the paired bootstrap (any metric, a confidence interval for the difference) and McNemar's test (paired
 * correctness of classifiers). The few distribution functions they need are implemented here (regularised gamma,
 * erfc, binomial tail) so the library stays dependency-free and every figure can be traced to a formula.
 */
package io.multitune.evaluation.stats;
