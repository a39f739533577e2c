package io.multitune.intake;

import io.multitune.events.EvaluationFailed.Problem;

/**
 * Why a model could not be processed (evaluated, audited): the problem's code, the file, field or example at fault,
 * and a sentence.
 */
public final class IntakeFailure extends Exception {
    private final Problem problem;
    private final String field;

    public IntakeFailure(Problem problem, String field, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.field = field;
    }

    public IntakeFailure(Problem problem, String field, String message) {
        this(problem, field, message, null);
    }

    public Problem problem() {
        return problem;
    }

    public String field() {
        return field;
    }
}
