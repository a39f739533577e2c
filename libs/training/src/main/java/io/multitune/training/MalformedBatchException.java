package io.multitune.training;

/**
 * A training or validation batch the trainer cannot use: an example without the input or target field its task
 * type needs, a label outside the task's label list, an example of a task the job does not train. The message
 * names the example id and the field, so that the job fails with a reason a person can act on.
 */
public final class MalformedBatchException extends IllegalArgumentException {

    private final String exampleId;
    private final String field;

    public MalformedBatchException(String exampleId, String field, String problem) {
        super("example '" + exampleId + "', field " + field + ": " + problem);
        this.exampleId = exampleId;
        this.field = field;
    }

    /** The id of the offending example. */
    public String exampleId() {
        return exampleId;
    }

    /** The offending field, as a path into the example ({@code target.label}, {@code input.tokens}, ...). */
    public String field() {
        return field;
    }
}
