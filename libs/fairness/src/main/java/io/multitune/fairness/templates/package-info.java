/**
 * Template inputs for the counterfactual audit: short sentences per audited task type with identity slots, filled
 * with each group of a term list, one variant per column. Templates add controlled inputs where a task's own test
 * data rarely mention an identity term, and they differ only in the slot, which data-derived counterfactuals cannot
 * promise. The shipped templates are in {@code templates.txt}; extractive QA and text-to-text have none, as they are
 * not audited ({@link io.multitune.fairness.Auditability}).
 */
package io.multitune.fairness.templates;
