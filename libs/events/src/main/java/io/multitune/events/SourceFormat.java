package io.multitune.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The source formats a raw message's value can be written in. */
public enum SourceFormat {
    /** One JSON object per line; a message may hold one or many lines. */
    JSONL,
    /** A JSON array of objects (or one object); a message holds one whole array. */
    JSON,
    /** RFC 4180 comma-separated values: quoted fields, embedded newlines, a header row unless the spec names the columns. */
    CSV,
    /** Tab-separated values, with the same quoting and header rules as CSV. */
    TSV,
    /** One token per line with its columns separated by whitespace or tabs; a blank line ends a sentence. */
    CONLL;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static SourceFormat fromWireName(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown format '" + name + "', expected one of "
                        + Arrays.stream(values()).map(SourceFormat::wireName).collect(Collectors.joining(", "))));
    }
}
