package io.multitune.evaluation.gate;

/**
 * One check of the gate.
 *
 * @param name   what was checked, e.g. {@code delta-m} or {@code task-drop:sst2}
 * @param passed whether it passed
 * @param detail the figures and the threshold, in words
 */
public record Check(String name, boolean passed, String detail) {
}
