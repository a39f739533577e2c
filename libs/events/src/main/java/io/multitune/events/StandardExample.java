package io.multitune.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One standard example on {@link Topics#EXAMPLES}, keyed by {@link #id()}. The id is derived from the dataset
 * and the normalised inputs and target, so re-sending a record never creates a second example.
 *
 * @param difficulty optional difficulty score from the record's {@code difficulty} field, for curriculum sampling
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StandardExample(
        int schemaVersion,
        String id,
        String datasetId,
        String taskId,
        TaskType taskType,
        Split split,
        ExampleInput input,
        ExampleTarget target,
        String domain,
        Map<String, String> groups,
        String language,
        SourcePosition source,
        Double difficulty) implements PipelineEvent {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String subject() {
        return datasetId;
    }

    /** The same example in another split (leakage resolution moves an example to the split that outranks). */
    public StandardExample withSplit(Split newSplit) {
        return new StandardExample(schemaVersion, id, datasetId, taskId, taskType, newSplit, input, target, domain,
                groups, language, source, difficulty);
    }
}
