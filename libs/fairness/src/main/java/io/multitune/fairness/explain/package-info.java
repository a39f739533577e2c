/**
 * Explanations of counterfactual changes by occlusion. The model call is not this library's: the auditor passes a
 * function that returns p(y|tokens) for the class y originally predicted, and this package asks it about the input
 * with each token left out (or masked). The attribution of token t is p(y|x) − p(y|x without t): positive when the
 * token supports the prediction. {@link io.multitune.fairness.explain.TopTokens} aggregates the attributions of a
 * task's most-changed cases into the tokens most responsible for them.
 */
package io.multitune.fairness.explain;
