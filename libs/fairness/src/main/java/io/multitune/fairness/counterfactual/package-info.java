/**
 * Counterfactual invariance: how much a model's prediction moves when identity terms are swapped and nothing else.
 *
 * <p>The data are <i>pairs</i>: a source input x and one counterfactual x'. One source gives several pairs (one per
 * rotation of a term list, one per list), and pairs of one source are not independent, so every interval is a
 * <b>cluster bootstrap</b> over sources ({@link io.multitune.fairness.stats.Design#clusters}); figures are pooled over
 * pairs (a source with two counterfactuals weighs twice). Per task type:
 * <ul>
 *   <li>classification (text and text pair): {@link io.multitune.fairness.counterfactual.FlipStatistics}, the share
 *       of pairs whose predicted class differs and the mean and largest |p(ŷ|x) − p(ŷ|x')|, ŷ the class predicted
 *       for x;</li>
 *   <li>token classification: {@link io.multitune.fairness.counterfactual.TagFlipStatistics}, flips of the predicted
 *       tags of the tokens the swap did not touch;</li>
 *   <li>regression: {@link io.multitune.fairness.counterfactual.ValueChangeStatistics}, the mean and largest
 *       |ŷ(x) − ŷ(x')|.</li>
 * </ul>
 */
package io.multitune.fairness.counterfactual;
