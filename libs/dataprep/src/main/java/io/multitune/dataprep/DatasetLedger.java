package io.multitune.dataprep;

import io.multitune.events.DatasetProfiled;
import io.multitune.events.DatasetSpec;
import io.multitune.events.ExampleTarget;
import io.multitune.events.RejectReason;
import io.multitune.events.Split;
import io.multitune.events.StandardExample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state of one dataset: its live examples, counts and rejects. It decides for every candidate whether it is
 * published, a duplicate, or dropped for leakage, assigns splits to candidates without one, and builds the profile.
 *
 * <p>Rules of {@link #admit(Candidate)}, in order:
 * <ol>
 *   <li>A candidate without a split takes the split of the live example with the same id, else of a live example
 *       with the same input, else the stratified split of {@link StratifiedSplitter}; so auto-splitting never
 *       creates leakage and a re-sent record lands where it did before.</li>
 *   <li>Same id live in the same split: {@link Admission.Duplicate}.</li>
 *   <li>The same input live in a split of higher {@link Split#priority()} (test &gt; validation &gt; train):
 *       {@link Admission.LeakageDropped}, the candidate counts as accepted and leakage-removed.</li>
 *   <li>Otherwise {@link Admission.Publish}. Live examples with the same input in lower splits are removed
 *       (tombstoned, each counted as leakage-removed); the same id in a lower split moves to the new split (counted
 *       as accepted and leakage-removed, the example count is unchanged). The same input under another id in the
 *       same split (conflicting targets) is kept alongside.</li>
 * </ol>
 *
 * <p>Restart: the caller rebuilds the ledger by replaying the compacted examples topic into {@link #restore} and
 * {@link #restoreTombstone}. A restored example counts as received and accepted; one that replaces a live entry with
 * the same id is an update and changes no count. A tombstone removes its entry and counts as leakage-removed; a
 * tombstone whose example compaction already removed counts as received, accepted and leakage-removed, so the
 * history it stands for survives. Counts after a restore are rebuilt from what the topic still holds (rejects and
 * duplicates are not on it) and always add up.
 *
 * <p>Counts always satisfy {@code received = accepted + rejected + duplicates} and
 * {@code examples = accepted - leakageRemoved}.
 *
 * <p>Not thread-safe: the caller serialises access per dataset.
 */
public final class DatasetLedger {
    private DatasetSpec spec;
    /** Live entries by id: regular ids by their hash bits, the rare irregular ones by their string. */
    private final Key128Map<LedgerEntry> byId = new Key128Map<>();
    private final Map<String, LedgerEntry> byIrregularId = new HashMap<>();
    /** The head of each chain of live entries with the same input, by the input key's bits. */
    private final Key128Map<LedgerEntry> byInput = new Key128Map<>();
    private final StratifiedSplitter splitter = new StratifiedSplitter();
    private final Map<String, String> pool = new HashMap<>();
    private final Map<String, Integer> tagIds = new HashMap<>();
    private final List<String> tagNames = new ArrayList<>();
    private final Map<RejectReason, Long> rejects = new EnumMap<>(RejectReason.class);
    private long received;
    private long accepted;
    private long rejected;
    private long duplicates;
    private long leakageRemoved;

    public DatasetLedger(DatasetSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /** A new spec for the dataset (re-registration); the live examples stay, new splits follow its ratios. */
    public void updateSpec(DatasetSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    public DatasetSpec spec() {
        return spec;
    }

    /** Counts one received record that was rejected. */
    public void rejected(RejectReason reason) {
        received++;
        rejected++;
        rejects.merge(reason, 1L, Long::sum);
    }

    /** Counts one received record and decides what happens to it; see the class comment for the rules. */
    public Admission admit(Candidate candidate) {
        received++;
        StandardExample example = candidate.example();
        LedgerKeys.Id id = LedgerKeys.id(spec.datasetId(), example.id());
        LedgerEntry same = entry(id);
        long inputHigh = LedgerKeys.inputHigh(candidate.inputKey());
        long inputLow = LedgerKeys.inputLow(candidate.inputKey());
        // The chain of live entries with this input, looked up once: nothing below changes it before removeOutranked.
        LedgerEntry sameInput = byInput.get(inputHigh, inputLow);
        LedgerEntry top = highestSplit(sameInput);
        Split split = example.split() != null ? example.split() : inheritedOrAssigned(same, top, candidate.stratum());
        if (same != null && same.split == split) {
            duplicates++;
            return new Admission.Duplicate(idOf(same));
        }
        accepted++;
        if (top != null && top.split.priority() > split.priority()) {
            leakageRemoved++;
            return new Admission.LeakageDropped(idOf(top), top.split);
        }
        List<String> tombstones = removeOutranked(sameInput, split, same);
        if (same != null) {
            // Moving to a higher split: the old placement is the leakage that was removed.
            leakageRemoved++;
            remove(same);
        }
        StandardExample published = example.split() == split ? example : example.withSplit(split);
        add(entryOf(published, id, inputHigh, inputLow, candidate.stratum()));
        return publish(published, tombstones);
    }

    /** Rebuilds state from an example read back from the examples topic (see the class comment). */
    public void restore(StandardExample example) {
        String inputKey = ExampleIds.inputKey(example.input());
        String stratum = stratumOf(example);
        LedgerKeys.Id id = LedgerKeys.id(spec.datasetId(), example.id());
        LedgerEntry old = entry(id);
        if (old != null) {
            remove(old);
        } else {
            received++;
            accepted++;
        }
        // Examples on the topic always carry a split; assigning one keeps a hand-written record usable all the same.
        StandardExample placed = example.split() != null ? example
                : example.withSplit(splitter.assign(stratum, spec.splitRatiosOrDefault()));
        add(entryOf(placed, id, LedgerKeys.inputHigh(inputKey), LedgerKeys.inputLow(inputKey), stratum));
    }

    /** Rebuilds state from a tombstone read back from the examples topic (see the class comment). */
    public void restoreTombstone(String exampleId) {
        LedgerEntry old = entry(LedgerKeys.id(spec.datasetId(), exampleId));
        if (old != null) {
            remove(old);
        } else {
            received++;
            accepted++;
        }
        leakageRemoved++;
    }

    /**
     * After the examples are restored, takes the counts the topic cannot hold (rejects, duplicates, and the history
     * behind the live examples) from the dataset's last profile, so counts stay cumulative across a restart.
     * Examples accepted after that profile (more live examples than it counted) are added to it; fewer live examples
     * than it counted means later leakage removals. Counts still add up by construction.
     */
    public void restoreCounts(DatasetProfiled lastProfile) {
        DatasetProfiled.Counts profiled = lastProfile.counts();
        long live = liveCount();
        long sinceProfile = live - profiled.examples();
        accepted = profiled.accepted() + Math.max(0, sinceProfile);
        leakageRemoved = profiled.leakageRemoved() + Math.max(0, -sinceProfile);
        rejected = profiled.rejected();
        duplicates = profiled.duplicates();
        received = accepted + rejected + duplicates;
        rejects.clear();
        if (lastProfile.rejectsByReason() != null) {
            lastProfile.rejectsByReason().forEach((reason, count) -> rejects.put(RejectReason.valueOf(reason), count));
        }
    }

    /** Examples removed for leakage so far (cheaper than {@link #counts()} on the per-record path). */
    public long leakageRemoved() {
        return leakageRemoved;
    }

    public DatasetProfiled.Counts counts() {
        return new DatasetProfiled.Counts(received, accepted, rejected, duplicates, leakageRemoved, liveCount());
    }

    /** The dataset's profile now; every field of {@link DatasetProfiled} is filled. */
    public DatasetProfiled profile(boolean complete, DatasetProfiled.Trigger trigger, Instant now) {
        ProfileBuilder b = new ProfileBuilder(spec, liveCount(), tagNames).addAll(byId).addAll(byIrregularId.values());
        return new DatasetProfiled(DatasetProfiled.SCHEMA_VERSION, spec.datasetId(), spec.taskId(), spec.taskType(),
                complete, trigger, now, counts(), b.splits(), b.labelsBySplit(), b.domains(), b.imbalanceRatio(),
                b.inputChars(), b.inputWords(), rejectsByReason(), b.groups());
    }

    private Map<String, Long> rejectsByReason() {
        Map<String, Long> byName = new LinkedHashMap<>();
        rejects.forEach((reason, count) -> byName.put(reason.name(), count));
        return byName;
    }

    private Split inheritedOrAssigned(LedgerEntry same, LedgerEntry topSameInput, String stratum) {
        if (same != null) {
            return same.split;
        }
        return topSameInput != null ? topSameInput.split : splitter.assign(stratum, spec.splitRatiosOrDefault());
    }

    /** The entry of the chain from {@code head} in the split of highest priority; null for an empty chain. */
    private static LedgerEntry highestSplit(LedgerEntry head) {
        LedgerEntry top = null;
        for (LedgerEntry e = head; e != null; e = e.nextSameInput) {
            if (top == null || e.split.priority() > top.split.priority()) {
                top = e;
            }
        }
        return top;
    }

    /**
     * Removes the live entries of the same-input chain from {@code head} in splits below {@code split}, except
     * {@code keep}; their ids.
     */
    private List<String> removeOutranked(LedgerEntry head, Split split, LedgerEntry keep) {
        if (head == null || head == keep && head.nextSameInput == null) {
            return List.of();
        }
        List<LedgerEntry> outranked = new ArrayList<>(1);
        for (LedgerEntry e = head; e != null; e = e.nextSameInput) {
            if (e != keep && e.split.priority() < split.priority()) {
                outranked.add(e);
            }
        }
        List<String> ids = new ArrayList<>(outranked.size());
        for (LedgerEntry e : outranked) {
            remove(e);
            leakageRemoved++;
            ids.add(idOf(e));
        }
        return ids;
    }

    private static Admission.Publish publish(StandardExample example, List<String> tombstones) {
        if (tombstones.isEmpty()) {
            return new Admission.Publish(example, null);
        }
        return new Admission.Publish(example, tombstones.get(0), tombstones.subList(1, tombstones.size()));
    }

    private int liveCount() {
        return byId.size() + byIrregularId.size();
    }

    private LedgerEntry entry(LedgerKeys.Id id) {
        return id.irregular() != null ? byIrregularId.get(id.irregular()) : byId.get(id.high(), id.low());
    }

    private String idOf(LedgerEntry e) {
        return LedgerKeys.id(spec.datasetId(), e);
    }

    private void add(LedgerEntry e) {
        if (e.irregularId != null) {
            byIrregularId.put(e.irregularId, e);
        } else {
            byId.put(e.idHigh, e.idLow, e);
        }
        e.nextSameInput = byInput.put(e.inputHigh, e.inputLow, e);
        splitter.added(e.stratum, e.split);
    }

    private void remove(LedgerEntry e) {
        if (e.irregularId != null) {
            byIrregularId.remove(e.irregularId);
        } else {
            byId.remove(e.idHigh, e.idLow);
        }
        unlinkInput(e);
        splitter.removed(e.stratum, e.split);
    }

    private void unlinkInput(LedgerEntry e) {
        LedgerEntry head = byInput.get(e.inputHigh, e.inputLow);
        if (head == e) {
            if (e.nextSameInput == null) {
                byInput.remove(e.inputHigh, e.inputLow);
            } else {
                byInput.put(e.inputHigh, e.inputLow, e.nextSameInput);
            }
            return;
        }
        for (LedgerEntry prev = head; prev != null; prev = prev.nextSameInput) {
            if (prev.nextSameInput == e) {
                prev.nextSameInput = e.nextSameInput;
                return;
            }
        }
    }

    private LedgerEntry entryOf(StandardExample example, LedgerKeys.Id id, long inputHigh, long inputLow,
                                String stratum) {
        InputLengths lengths = InputLengths.of(example.input());
        return new LedgerEntry(id, inputHigh, inputLow, example.split(), pooled(stratum), pooled(example.domain()),
                groupPairs(example.groups()), tagCounts(example.target()), lengths.chars(), lengths.words());
    }

    private static final String[] NO_GROUPS = new String[0];

    private String[] groupPairs(Map<String, String> groups) {
        if (groups == null || groups.isEmpty()) {
            return NO_GROUPS;
        }
        String[] pairs = new String[groups.size() * 2];
        int i = 0;
        for (Map.Entry<String, String> g : groups.entrySet()) {
            pairs[i++] = pooled(g.getKey());
            pairs[i++] = pooled(g.getValue());
        }
        return pairs;
    }

    /** Tag histogram as (tag id, count) pairs: far smaller than the tag list of a sentence. */
    private int[] tagCounts(ExampleTarget target) {
        if (target == null || target.tags() == null || target.tags().isEmpty()) {
            return null;
        }
        int[] ids = new int[target.tags().size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = tagId(target.tags().get(i));
        }
        Arrays.sort(ids);
        int[] pairs = new int[ids.length * 2];
        int n = 0;
        for (int i = 0; i < ids.length; i++) {
            if (n > 0 && pairs[n - 2] == ids[i]) {
                pairs[n - 1]++;
            } else {
                pairs[n++] = ids[i];
                pairs[n++] = 1;
            }
        }
        return Arrays.copyOf(pairs, n);
    }

    private int tagId(String tag) {
        Integer id = tagIds.get(tag);
        if (id == null) {
            id = tagNames.size();
            tagIds.put(tag, id);
            tagNames.add(tag);
        }
        return id;
    }

    private String pooled(String s) {
        return s == null ? null : pool.computeIfAbsent(s, k -> k);
    }

    /** The stratum the standardiser gives: the label for classification tasks, else none. */
    private static String stratumOf(StandardExample example) {
        if (!ProfileBuilder.isClassification(example.taskType()) || example.target() == null) {
            return null;
        }
        return example.target().label();
    }
}
