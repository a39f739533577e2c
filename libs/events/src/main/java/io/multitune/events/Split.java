package io.multitune.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A data split. When the same input is in two splits, the one with the higher {@link #priority()} keeps it. */
public enum Split {
    TRAIN(0), VALIDATION(1), TEST(2);

    private final int priority;

    Split(int priority) {
        this.priority = priority;
    }

    /** Leakage resolution order: test outranks validation, which outranks train. */
    public int priority() {
        return priority;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a split name as found in data: train, validation (also dev, val, valid), test. */
    @JsonCreator
    public static Split parse(String raw) {
        String s = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "train", "training" -> TRAIN;
            case "validation", "valid", "val", "dev", "development" -> VALIDATION;
            case "test", "testing" -> TEST;
            default -> throw new IllegalArgumentException("unknown split '" + raw + "', expected train, validation or test");
        };
    }
}
