package io.multitune.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The inputs of a standard example; which fields are set depends on the task type
 * (see {@link DatasetSpec}): text (and textPair), tokens, or question and context.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExampleInput(String text, String textPair, List<String> tokens, String question, String context) {
    public static ExampleInput text(String text) {
        return new ExampleInput(text, null, null, null, null);
    }

    public static ExampleInput pair(String text, String textPair) {
        return new ExampleInput(text, textPair, null, null, null);
    }

    public static ExampleInput tokens(List<String> tokens) {
        return new ExampleInput(null, null, List.copyOf(tokens), null, null);
    }

    public static ExampleInput questionContext(String question, String context) {
        return new ExampleInput(null, null, null, question, context);
    }
}
