package io.multitune.cli.ingest;

/**
 * A failure of an import that the command line reports as one line and an exit code: {@link #BAD_INPUT} (spec or
 * file), {@link #BROKER_UNREACHABLE} or {@link #TIMEOUT}. Other failures (a send rejected by the broker) use
 * {@link #FAILED}.
 */
public class IngestException extends RuntimeException {
    /** Exit code: something else failed. */
    public static final int FAILED = 1;
    /** Exit code: the spec or the data file cannot be used. */
    public static final int BAD_INPUT = 2;
    /** Exit code: no Kafka broker answers at the bootstrap servers. */
    public static final int BROKER_UNREACHABLE = 3;
    /** Exit code: the dataset's profile did not arrive in time. */
    public static final int TIMEOUT = 4;

    private final int exitCode;

    public IngestException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public IngestException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The process exit code for this failure. */
    public int exitCode() {
        return exitCode;
    }

    public static IngestException badInput(String message) {
        return new IngestException(BAD_INPUT, message);
    }

    public static IngestException badInput(String message, Throwable cause) {
        return new IngestException(BAD_INPUT, message, cause);
    }
}
