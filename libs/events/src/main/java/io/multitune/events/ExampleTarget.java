package io.multitune.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The target of a standard example: a label, a value, one tag per token, an answer span, or a text. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExampleTarget(String label, Double value, List<String> tags, AnswerSpan answer, String text) {
    public static ExampleTarget label(String label) {
        return new ExampleTarget(label, null, null, null, null);
    }

    public static ExampleTarget value(double value) {
        return new ExampleTarget(null, value, null, null, null);
    }

    public static ExampleTarget tags(List<String> tags) {
        return new ExampleTarget(null, null, List.copyOf(tags), null, null);
    }

    public static ExampleTarget answer(AnswerSpan answer) {
        return new ExampleTarget(null, null, null, answer, null);
    }

    public static ExampleTarget text(String text) {
        return new ExampleTarget(null, null, null, null, text);
    }

    /** An answer as a character span [start, end) of the context. */
    public record AnswerSpan(int start, int end, String text) {
    }
}
