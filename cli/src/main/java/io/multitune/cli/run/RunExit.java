package io.multitune.cli.run;

/**
 * The exit codes of the {@code run} commands, one meaning each across {@code submit}, {@code watch} and
 * {@code report}, so a script can branch on what happened to a run whichever command it used.
 */
public final class RunExit {
    /** The run completed and passed both gates (or: planned / sent, for {@code run submit} without --follow). */
    public static final int PASSED = 0;
    /** Anything else went wrong. */
    public static final int OTHER = 1;
    /** The request file cannot be read or has problems; nothing was sent. */
    public static final int BAD_REQUEST = 2;
    /** The sampler rejected the request. */
    public static final int REJECTED = 3;
    /** What was waited for did not arrive in time. */
    public static final int TIMEOUT = 4;
    /** No Kafka broker answers. */
    public static final int KAFKA_UNREACHABLE = 5;
    /** The run failed (run-failed): a stage could not do its part. */
    public static final int RUN_FAILED = 6;
    /** The run completed and failed a gate (evaluation or bias). */
    public static final int GATE_FAILED = 7;
    /** No request and no plan for the run id on the runs topic. */
    public static final int NO_SUCH_RUN = 8;
    /** {@code run report}: the run has not ended yet. */
    public static final int NOT_ENDED = 9;

    private RunExit() {
    }
}
