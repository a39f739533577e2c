package io.multitune.fairness.gate;

/** Whether a task's single-task baseline was there to compare bias with. */
public enum BaselineStatus {
    /** Measured: its transfer figures are given. */
    PRESENT,
    /** The run did not ask for one: nothing to compare, reported as information. */
    NOT_REQUESTED,
    /** Asked for but missing (failed, or never arrived): the increase check fails, as nothing rules one out. */
    MISSING
}
