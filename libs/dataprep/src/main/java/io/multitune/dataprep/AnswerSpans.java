package io.multitune.dataprep;

import io.multitune.events.ExampleTarget.AnswerSpan;
import io.multitune.events.RejectReason;

/**
 * Places an extractive-QA answer in its normalised context. Offsets are those of the normalised context, since
 * that is the text the example carries.
 */
final class AnswerSpans {
    static final String ANSWER_START = "answerStart";
    static final String ANSWER_TEXT = "answerText";

    private AnswerSpans() {
    }

    /** The first occurrence of the answer in the context. */
    static AnswerSpan find(String context, String answer) {
        int start = context.indexOf(answer);
        if (start < 0) {
            throw outside(ANSWER_TEXT, "the answer text '" + answer + "' does not occur in the context");
        }
        return new AnswerSpan(start, start + answer.length(), answer);
    }

    /**
     * The span at a given start. Producers usually give the start as an offset into the raw context (SQuAD does);
     * when that differs from the normalised offset because normalisation removed characters before the answer, the
     * raw offset is translated, and the result is still checked against the normalised context.
     */
    static AnswerSpan at(String context, String answer, int start, String rawContext, String rawAnswer) {
        if (matches(context, answer, start)) {
            return new AnswerSpan(start, start + answer.length(), answer);
        }
        int translated = translate(context, answer, start, rawContext, rawAnswer);
        if (translated >= 0) {
            return new AnswerSpan(translated, translated + answer.length(), answer);
        }
        throw outside(ANSWER_START, describeMismatch(context, answer, start));
    }

    private static int translate(String context, String answer, int start, String rawContext, String rawAnswer) {
        if (rawContext == null || rawAnswer == null || !matches(rawContext, rawAnswer, start)) {
            return -1;
        }
        int prefixLength = TextNormaliser.normalise(rawContext.substring(0, start)).length();
        // The normalised prefix loses its trailing space, which the full context keeps before the answer.
        for (int candidate = prefixLength; candidate <= prefixLength + 1; candidate++) {
            if (matches(context, answer, candidate)) {
                return candidate;
            }
        }
        return -1;
    }

    private static boolean matches(String text, String part, int start) {
        return start >= 0 && start + part.length() <= text.length() && text.startsWith(part, start);
    }

    private static String describeMismatch(String context, String answer, int start) {
        if (start < 0 || start + answer.length() > context.length()) {
            return "the answer span [" + start + ", " + (start + answer.length()) + ") lies outside the context of "
                    + context.length() + " characters";
        }
        return "the context at [" + start + ", " + (start + answer.length()) + ") reads '"
                + context.substring(start, start + answer.length()) + "', not the answer text '" + answer + "'";
    }

    private static RejectionException outside(String field, String problem) {
        return new RejectionException(RejectReason.SPAN_OUTSIDE_CONTEXT, field, problem);
    }
}
