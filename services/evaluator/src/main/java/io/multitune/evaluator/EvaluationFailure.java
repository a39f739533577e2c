package io.multitune.evaluator;

import io.multitune.events.EvaluationFailed.Problem;

/** Why a model could not be evaluated: the problem's code, the file, field or example at fault, and a sentence. */
final class EvaluationFailure extends Exception {
    private final Problem problem;
    private final String field;

    EvaluationFailure(Problem problem, String field, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.field = field;
    }

    EvaluationFailure(Problem problem, String field, String message) {
        this(problem, field, message, null);
    }

    Problem problem() {
        return problem;
    }

    String field() {
        return field;
    }
}
