package io.multitune.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * The profile of a dataset, on {@link Topics#DATASETS}, emitted when a producer ends an import or, provisionally
 * ({@code complete = false}), when a dataset has been idle for the configured time without an end marker.
 * Counts are cumulative over every import of the dataset and always add up:
 * {@code received = accepted + rejected + duplicates} and {@code examples = accepted - leakageRemoved}.
 *
 * @param trigger          what made this profile: END_OF_IMPORT or IDLE_TIMEOUT
 * @param labelsBySplit    split to label (or tag, for token classification) to count of live examples
 * @param imbalanceRatio   largest over smallest label count in train (classification only, else null)
 * @param inputChars       percentiles of the input length in characters
 * @param inputWords       percentiles of the input length in whitespace-separated words
 * @param groups           group attribute to value to count of live examples
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetProfiled(
        int schemaVersion,
        String datasetId,
        String taskId,
        TaskType taskType,
        boolean complete,
        Trigger trigger,
        Instant profiledAt,
        Counts counts,
        Map<String, Long> splits,
        Map<String, Map<String, Long>> labelsBySplit,
        Map<String, Long> domains,
        Double imbalanceRatio,
        LengthPercentiles inputChars,
        LengthPercentiles inputWords,
        Map<String, Long> rejectsByReason,
        Map<String, Map<String, Long>> groups) implements PipelineEvent {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String subject() {
        return datasetId;
    }

    /** What made a profile. */
    public enum Trigger { END_OF_IMPORT, IDLE_TIMEOUT }

    /** Record counts of a dataset. */
    public record Counts(long received, long accepted, long rejected, long duplicates, long leakageRemoved,
                         long examples) {
        /** Whether received = accepted + rejected + duplicates and examples = accepted - leakageRemoved. */
        public boolean addUp() {
            return received == accepted + rejected + duplicates && examples == accepted - leakageRemoved;
        }
    }

    /** Length percentiles (nearest rank) of the inputs of live examples. */
    public record LengthPercentiles(int p50, int p90, int p99, int max) {
    }
}
