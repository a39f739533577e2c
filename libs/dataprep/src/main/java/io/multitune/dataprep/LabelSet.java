package io.multitune.dataprep;

import io.multitune.events.RejectReason;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A spec's label mapping and label set, normalised once so that labels compare the way texts do: trimmed, NFC,
 * whitespace collapsed. Also used for the tags of token classification.
 */
final class LabelSet {
    private final Map<String, String> mapping;
    private final Set<String> labels;

    LabelSet(List<String> labels, Map<String, String> mapping) {
        this.mapping = new HashMap<>();
        if (mapping != null) {
            mapping.forEach((from, to) -> this.mapping.put(TextNormaliser.normalise(from), TextNormaliser.normalise(to)));
        }
        if (labels == null) {
            this.labels = null;
        } else {
            this.labels = new LinkedHashSet<>();
            for (String label : labels) {
                this.labels.add(TextNormaliser.normalise(label));
            }
        }
    }

    /** The label a normalised raw label stands for, after mapping; rejects one outside the label set. */
    String resolve(String field, String raw, String what) {
        String label = mapping.isEmpty() ? raw : mapping.getOrDefault(raw, raw);
        if (labels != null && !labels.contains(label)) {
            throw new RejectionException(RejectReason.UNKNOWN_LABEL, field,
                    what + "'" + label + "'" + (label.equals(raw) ? "" : " (mapped from '" + raw + "')")
                            + " is not in the label set " + labels);
        }
        return label;
    }
}
