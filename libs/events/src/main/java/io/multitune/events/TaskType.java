package io.multitune.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The NLP task types a dataset can hold. All are standardised; which ones train depends on the trainer. */
public enum TaskType {
    /** One text in, one label out (sentiment, topic, genre). */
    TEXT_CLASSIFICATION("text-classification"),
    /** Two texts in, one label out (NLI, paraphrase). */
    TEXT_PAIR_CLASSIFICATION("text-pair-classification"),
    /** A token sequence in, one tag per token out (POS, NER). */
    TOKEN_CLASSIFICATION("token-classification"),
    /** One or two texts in, a real number out. */
    REGRESSION("regression"),
    /** A question and a context in, an answer span of the context out. */
    EXTRACTIVE_QA("extractive-qa"),
    /** A text in, a text out (summarisation, translation). */
    TEXT_TO_TEXT("text-to-text");

    private final String wireName;

    TaskType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static TaskType fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name) || t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown task type '" + name + "', expected one of "
                        + Arrays.stream(values()).map(TaskType::wireName).collect(Collectors.joining(", "))));
    }
}
