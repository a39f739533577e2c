package io.multitune.fairness.templates;

import io.multitune.evaluation.Arguments;
import io.multitune.events.TaskType;

/**
 * One template.
 *
 * @param id       {@code <task-type>#<n>}, n counting the type's templates from 1 in file order
 * @param taskType the task type it is written for
 * @param text     the text, with slots
 * @param textPair the second text for pair inputs, with or without slots; null for single inputs
 */
public record Template(String id, TaskType taskType, String text, String textPair) {

    /** Checks the fields. */
    public Template {
        Arguments.require(id != null && !id.isBlank(), "id", "must be non-blank");
        Arguments.notNull(taskType, "taskType");
        Arguments.require(text != null && !text.isBlank(), "text", "must be non-blank");
    }

    /** Whether the template is a text pair. */
    public boolean pair() {
        return textPair != null;
    }

    /** Whether one of its texts holds a slot of this kind. */
    public boolean has(SlotKind slot) {
        Arguments.notNull(slot, "slot");
        return holds(text, slot) || textPair != null && holds(textPair, slot);
    }

    private static boolean holds(String s, SlotKind slot) {
        return s.contains(slot.placeholder()) || s.contains(slot.capitalisedPlaceholder());
    }
}
