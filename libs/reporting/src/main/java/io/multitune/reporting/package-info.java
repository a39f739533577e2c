/**
 * The run's HTML report: one self-contained page per run that lets an ML platform engineer see, without a notebook
 * or a network, whether multi-task training beat one model per task, task by task, and why the gate decided as it
 * did.
 * <p>
 * {@link io.multitune.reporting.RunReport#html(RunReportInput)} turns the run's events (the plan, the evaluation,
 * each model's figures and the trainer's progress and validation events) into one HTML string. Charts are inline
 * SVG drawn here ({@code SvgCanvas}, one class per chart); the page carries its own CSS and no script, font, image
 * or link to anything outside itself, so it opens the same from the artifact root, from the evaluator's
 * {@code /runs/{id}/report} and from an archive years later. Every text that comes from the events is HTML-escaped:
 * example inputs and task ids are user data.
 */
package io.multitune.reporting;
