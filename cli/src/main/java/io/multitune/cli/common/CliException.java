package io.multitune.cli.common;

/**
 * A failure to report as one line on stderr with a non-zero exit code; no stack trace. {@link #details()} may hold
 * more lines (e.g. the end of a log) printed after it.
 */
public class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;
    private final String details;

    public CliException(String message) {
        this(message, 1, null, null);
    }

    public CliException(String message, Throwable cause) {
        this(message, 1, null, cause);
    }

    public CliException(String message, int exitCode, String details, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.details = details;
    }

    /** The process exit code to use. */
    public int exitCode() {
        return exitCode;
    }

    /** Extra lines for the user (may be null). */
    public String details() {
        return details;
    }
}
