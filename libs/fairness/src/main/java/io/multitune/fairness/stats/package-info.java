/**
 * The bootstrap behind every interval of the bias figures. Unlike the evaluator's paired bootstrap, which resamples
 * test examples independently, bias figures need two further designs: <b>clusters</b> (one source input gives several
 * counterfactuals, which are not independent, so whole sources are resampled) and <b>strata</b> (group metrics
 * resample within each group and gold class, so every rate defined on the data stays defined on every resample).
 * Percentiles and the result record are the evaluation library's
 * ({@link io.multitune.evaluation.stats.PairedBootstrap#percentile}, {@link
 * io.multitune.evaluation.stats.BootstrapResult}).
 */
package io.multitune.fairness.stats;
