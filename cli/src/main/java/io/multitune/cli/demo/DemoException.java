package io.multitune.cli.demo;

/** A demo step that cannot go on; its message is one line for the user. */
public class DemoException extends RuntimeException {
    public DemoException(String message) {
        super(message);
    }

    public DemoException(String message, Throwable cause) {
        super(message, cause);
    }
}
