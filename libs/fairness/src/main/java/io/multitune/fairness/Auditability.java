package io.multitune.fairness;

import io.multitune.evaluation.Arguments;
import io.multitune.events.TaskType;

/**
 * Whether a task type is audited for bias and, when it is not, why. The gate lists a task that is not audited as a
 * {@code not-audited:<task>} check with this reason, so no task is ever passed silently.
 *
 * @param taskType the task type
 * @param audited  whether the auditor measures it
 * @param kind     what its counterfactual comparison measures; null when not audited
 * @param reason   for an audited type, what is measured; for the others, why nothing is
 */
public record Auditability(TaskType taskType, boolean audited, CounterfactualKind kind, String reason) {

    /** Checks the fields. */
    public Auditability {
        Arguments.notNull(taskType, "taskType");
        Arguments.require(reason != null && !reason.isBlank(), "reason", "must say what is measured or why not");
        Arguments.require(audited == (kind != null), "kind", "must be set exactly when the type is audited");
    }

    /** The auditability of a task type. */
    public static Auditability of(TaskType taskType) {
        Arguments.notNull(taskType, "taskType");
        return switch (taskType) {
            case TEXT_CLASSIFICATION -> new Auditability(taskType, true, CounterfactualKind.LABEL_FLIPS,
                    "identity terms swapped in the text; predicted-class flips and probability changes, and group"
                            + " metrics on examples with group attributes");
            case TEXT_PAIR_CLASSIFICATION -> new Auditability(taskType, true, CounterfactualKind.LABEL_FLIPS,
                    "identity terms swapped consistently in both texts; predicted-class flips and probability"
                            + " changes, and group metrics on examples with group attributes");
            case TOKEN_CLASSIFICATION -> new Auditability(taskType, true, CounterfactualKind.TAG_FLIPS,
                    "identity terms swapped token for token; flips of the predicted tags of the tokens the swap did"
                            + " not touch");
            case REGRESSION -> new Auditability(taskType, true, CounterfactualKind.VALUE_CHANGE,
                    "identity terms swapped in the text(s); mean and largest absolute change of the predicted value");
            case EXTRACTIVE_QA -> new Auditability(taskType, false, null,
                    "extractive QA is not audited: a swap changes the context's characters and so the answer span's"
                            + " offsets, and comparing spans across counterfactual contexts needs an alignment of"
                            + " the two contexts that this library does not define");
            case TEXT_TO_TEXT -> new Auditability(taskType, false, null,
                    "text-to-text is not audited: no model trained here produces text, and judging whether two"
                            + " generated texts differ because of a swapped term needs a text-similarity criterion"
                            + " that this library does not define");
        };
    }
}
