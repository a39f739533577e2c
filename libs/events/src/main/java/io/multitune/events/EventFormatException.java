package io.multitune.events;

/** An event that cannot be read: malformed JSON, a missing header, an unknown type or schema version. */
public class EventFormatException extends RuntimeException {
    public EventFormatException(String message) {
        super(message);
    }

    public EventFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
