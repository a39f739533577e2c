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
 * <p>
 * {@link io.multitune.reporting.BiasReport} does the same for the run's bias audit (the bias auditor's
 * {@code RunAudited} and {@code ModelAudited} events): a page of its own, {@code runs/<run>/bias-report.html}, and
 * the same content as the bias section of the run's report when {@link io.multitune.reporting.RunReportInput#bias()}
 * is set. Its main figure is the bias transfer chart: whether multi-task training made a task more biased than its
 * single-task baseline. Tasks that were not audited are listed with their reason in every part, never left out.
 */
package io.multitune.reporting;
