package io.multitune.dataprep;

import io.multitune.events.DatasetSpec;
import io.multitune.events.RejectReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads logical fields of one record through the spec's field mapping, normalised, and rejects missing, empty or
 * wrongly shaped ones. Rejections name the logical field, plus the source field when the spec renames it.
 */
final class FieldReader {
    private final DatasetSpec spec;
    private final Map<String, Object> fields;

    FieldReader(DatasetSpec spec, Map<String, Object> fields) {
        this.spec = spec;
        this.fields = fields == null ? Map.of() : fields;
    }

    /** The raw value of a logical field, or null when absent. */
    Object raw(String logical) {
        return fields.get(spec.sourceField(logical));
    }

    /** The raw value of a source field (group attributes are named by source field), or null when absent. */
    Object rawSource(String sourceField) {
        return fields.get(sourceField);
    }

    /** Whether a logical field holds something other than null or a blank string. */
    boolean isGiven(String logical) {
        Object v = raw(logical);
        return v != null && !(v instanceof String s && s.isBlank());
    }

    /** A required text, normalised and non-empty. */
    String requireText(String logical) {
        String text = TextNormaliser.normalise(FieldValues.asText(requirePresent(logical), logical));
        if (text.isEmpty()) {
            throw empty(logical, "empty after normalisation");
        }
        return text;
    }

    /** An optional text, normalised; null when absent or empty (CSV cannot tell empty from absent). */
    String optionalText(String logical) {
        Object v = raw(logical);
        if (v == null) {
            return null;
        }
        String text = TextNormaliser.normalise(FieldValues.asText(v, logical));
        return text.isEmpty() ? null : text;
    }

    /** A required value of any kind. */
    Object requirePresent(String logical) {
        Object v = raw(logical);
        if (v == null) {
            String source = spec.sourceField(logical);
            throw new RejectionException(RejectReason.MISSING_FIELD, logical, source.equals(logical)
                    ? "missing" : "missing (looked for source field '" + source + "')");
        }
        return v;
    }

    /**
     * A required non-empty sequence of normalised, non-empty items: a JSON array, or a string split on whitespace
     * (how CSV and TSV carry tokens and tags).
     */
    List<String> requireSequence(String logical) {
        Object v = requirePresent(logical);
        List<String> items = v instanceof List<?> list ? fromList(logical, list) : fromText(logical, v);
        if (items.isEmpty()) {
            throw empty(logical, "no items");
        }
        return items;
    }

    private static List<String> fromList(String logical, List<?> list) {
        List<String> items = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Object element = list.get(i);
            String item = element == null ? "" : TextNormaliser.normalise(FieldValues.asText(element, logical));
            if (item.isEmpty()) {
                throw empty(logical, "item " + i + " is empty after normalisation");
            }
            items.add(item);
        }
        return items;
    }

    /** Normalising first leaves single spaces between items, so a plain split on ' ' is enough. */
    private static List<String> fromText(String logical, Object v) {
        String text = TextNormaliser.normalise(FieldValues.asText(v, logical));
        List<String> items = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int space = text.indexOf(' ', start);
            int end = space < 0 ? text.length() : space;
            items.add(text.substring(start, end));
            start = end + 1;
        }
        return items;
    }

    /** Rejects a text longer than the spec allows. */
    void checkLength(String logical, String text) {
        checkLength(logical, text.length());
    }

    void checkLength(String logical, int length) {
        int max = spec.maxTextCharsOrDefault();
        if (length > max) {
            throw new RejectionException(RejectReason.TEXT_TOO_LONG, logical,
                    length + " characters, longer than the limit of " + max);
        }
    }

    private static RejectionException empty(String logical, String problem) {
        return new RejectionException(RejectReason.EMPTY_FIELD, logical, problem);
    }
}
