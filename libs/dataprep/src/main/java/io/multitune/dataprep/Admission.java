package io.multitune.dataprep;

import io.multitune.events.Split;
import io.multitune.events.StandardExample;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What {@link DatasetLedger#admit(Candidate)} decided for a candidate. */
public sealed interface Admission permits Admission.Publish, Admission.Duplicate, Admission.LeakageDropped {

    /**
     * Publish the example (its split is set). Every id in {@link #tombstoneIds()} names a live example that leaked
     * into a lower-priority split and was removed: the caller publishes a tombstone for each.
     *
     * @param tombstoneId      the first removed example id, or null when none was removed
     * @param moreTombstoneIds further removed ids; only non-empty in rare cases (several examples with the same input
     *                         and different targets in a lower split), never null
     */
    record Publish(StandardExample example, String tombstoneId, List<String> moreTombstoneIds) implements Admission {
        public Publish {
            Objects.requireNonNull(example, "example");
            moreTombstoneIds = moreTombstoneIds == null ? List.of() : List.copyOf(moreTombstoneIds);
        }

        public Publish(StandardExample example, String tombstoneId) {
            this(example, tombstoneId, List.of());
        }

        /** Every example id to tombstone: {@code tombstoneId} (when set) then {@code moreTombstoneIds}. */
        public List<String> tombstoneIds() {
            if (tombstoneId == null) {
                return List.of();
            }
            if (moreTombstoneIds.isEmpty()) {
                return List.of(tombstoneId);
            }
            List<String> all = new ArrayList<>(1 + moreTombstoneIds.size());
            all.add(tombstoneId);
            all.addAll(moreTombstoneIds);
            return List.copyOf(all);
        }
    }

    /** The same example is already live in the same split; nothing to publish. */
    record Duplicate(String existingId) implements Admission {
    }

    /** The same input is live in a split that outranks the candidate's; the candidate is dropped. */
    record LeakageDropped(String keptId, Split keptSplit) implements Admission {
    }
}
