package io.multitune.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * How to read one dataset: which task it feeds, its source format, and where each logical field lives.
 *
 * <p>Logical field names by task type (the {@code fields} map sends a logical name to a source field or column;
 * a logical name absent from the map is looked up under its own name):
 * <ul>
 *   <li>text-classification: {@code text}, {@code label}</li>
 *   <li>text-pair-classification: {@code text}, {@code textPair}, {@code label}</li>
 *   <li>token-classification: {@code tokens}, {@code tags} (JSON arrays, or space-separated strings in CSV/TSV;
 *       CoNLL uses {@code tokenColumn} and {@code tagColumn})</li>
 *   <li>regression: {@code text}, optional {@code textPair}, {@code value}</li>
 *   <li>extractive-qa: {@code question}, {@code context}, {@code answerText}, optional {@code answerStart}</li>
 *   <li>text-to-text: {@code text}, {@code target}</li>
 *   <li>any type, optional: {@code id} (the producer's record id), {@code domain}, {@code split},
 *       {@code difficulty} (a number, for curriculum sampling)</li>
 * </ul>
 *
 * @param datasetId     unique dataset id; also the Kafka key of every raw message of this dataset
 * @param taskId        the task this dataset feeds (several datasets may feed one task, e.g. one per domain)
 * @param taskType      the task type
 * @param format        the source format of raw messages
 * @param fields        logical field name to source field name (JSON key, CSV column name)
 * @param labels        the label set; records with another label are rejected; null = any label accepted
 * @param labelMapping  raw label to label (e.g. "0" to "negative"), applied before checking {@code labels}
 * @param domain        domain tag of every record, unless the record has a {@code domain} field
 * @param splitRatios   ratios of the stratified split made when records carry no split field
 * @param groupFields   source fields holding group attributes (for bias audits), copied onto examples
 * @param language      BCP-47 language tag, "en" by default
 * @param header        CSV/TSV: whether each message starts with a header row (default true)
 * @param columns       CSV/TSV: column names when there is no header row; CoNLL: names of the columns
 * @param tokenColumn   CoNLL: index of the token column (default 0)
 * @param tagColumn     CoNLL: index of the tag column (default: the last column)
 * @param maxTextChars  longest text accepted in any input field, in characters (default 20,000)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetSpec(
        String datasetId,
        String taskId,
        TaskType taskType,
        SourceFormat format,
        Map<String, String> fields,
        List<String> labels,
        Map<String, String> labelMapping,
        String domain,
        SplitRatios splitRatios,
        List<String> groupFields,
        String language,
        Boolean header,
        List<String> columns,
        Integer tokenColumn,
        Integer tagColumn,
        Integer maxTextChars) {

    public static final int DEFAULT_MAX_TEXT_CHARS = 20_000;

    /** The source field holding a logical field. */
    public String sourceField(String logicalName) {
        if (fields != null && fields.containsKey(logicalName)) {
            return fields.get(logicalName);
        }
        return logicalName;
    }

    public List<String> groupFieldsOrEmpty() {
        return groupFields == null ? List.of() : groupFields;
    }

    public String languageOrDefault() {
        return language == null || language.isBlank() ? "en" : language;
    }

    public boolean hasHeaderRow() {
        return header == null ? columns == null || columns.isEmpty() : header;
    }

    public int maxTextCharsOrDefault() {
        return maxTextChars == null ? DEFAULT_MAX_TEXT_CHARS : maxTextChars;
    }

    public SplitRatios splitRatiosOrDefault() {
        return splitRatios == null ? SplitRatios.DEFAULT : splitRatios;
    }
}
