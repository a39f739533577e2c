/**
 * What the services that judge a run's trained models (the evaluator, the bias auditor) share: {@link
 * io.multitune.intake.RunTracker} follows runs from their events and hands each model and then the whole run to a
 * {@link io.multitune.intake.RunJudge}; {@link io.multitune.intake.ModelFiles} checks a model file against its
 * event; {@link io.multitune.intake.ExampleTopicReader} and {@link io.multitune.intake.TestSet} give every model of
 * a run the same held-out examples; {@link io.multitune.intake.BaseTokenizers} encodes them as training did.
 */
package io.multitune.intake;
