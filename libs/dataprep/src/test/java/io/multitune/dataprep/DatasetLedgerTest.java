package io.multitune.dataprep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.DatasetProfiled;
import io.multitune.events.DatasetSpec;
import io.multitune.events.RejectReason;
import io.multitune.events.SourceFormat;
import io.multitune.events.SourcePosition;
import io.multitune.events.Split;
import io.multitune.events.StandardExample;
import io.multitune.events.TaskType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DatasetLedgerTest {
    private final DatasetSpec spec = Specs.of(TaskType.TEXT_CLASSIFICATION, SourceFormat.JSONL).build();
    private final ExampleStandardiser standardiser = new ExampleStandardiser(spec);
    private final DatasetLedger ledger = new DatasetLedger(spec);

    /** Every test ends with counts that add up, whatever it did. */
    @AfterEach
    void countsAlwaysAddUp() {
        assertAddUp(ledger);
    }

    static void assertAddUp(DatasetLedger ledger) {
        DatasetProfiled.Counts c = ledger.counts();
        assertTrue(c.addUp(), c.toString());
        assertEquals(c.examples(), ledger.profile(false, DatasetProfiled.Trigger.IDLE_TIMEOUT,
                java.time.Instant.EPOCH).splits().values().stream().mapToLong(Long::longValue).sum());
    }

    private Candidate candidate(ExampleStandardiser s, String text, String label, String split) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("text", text);
        fields.put("label", label);
        fields.put("split", split);
        return ((Standardised.Ok) s.standardise(fields, new SourcePosition("raw", 0, 0L, 0, null))).candidate();
    }

    private Candidate candidate(String text, String label, String split) {
        return candidate(standardiser, text, label, split);
    }

    private Admission admit(String text, String label, String split) {
        Admission a = ledger.admit(candidate(text, label, split));
        assertAddUp(ledger);
        return a;
    }

    private static Admission.Publish published(Admission a) {
        return assertInstanceOf(Admission.Publish.class, a, () -> "expected publish but got " + a);
    }

    private static DatasetProfiled.Counts counts(long received, long accepted, long rejected, long duplicates,
                                                 long leakage, long examples) {
        return new DatasetProfiled.Counts(received, accepted, rejected, duplicates, leakage, examples);
    }

    @Test
    void aNewExamplePublishesWithItsExplicitSplit() {
        Admission.Publish p = published(admit("a", "x", "test"));
        assertEquals(Split.TEST, p.example().split());
        assertNull(p.tombstoneId());
        assertEquals(List.of(), p.tombstoneIds());
        assertEquals(counts(1, 1, 0, 0, 0, 1), ledger.counts());
    }

    @Test
    void rejectedRecordsCountAsReceivedAndRejected() {
        ledger.rejected(RejectReason.MISSING_FIELD);
        ledger.rejected(RejectReason.MISSING_FIELD);
        ledger.rejected(RejectReason.MALFORMED_JSON);
        assertEquals(counts(3, 0, 3, 0, 0, 0), ledger.counts());
    }

    @Test
    void sameIdInTheSameSplitIsADuplicate() {
        String id = published(admit("a", "x", "train")).example().id();
        assertEquals(new Admission.Duplicate(id), admit(" a ", "x", "train"));
        assertEquals(new Admission.Duplicate(id), admit("a", "x", null));
        assertEquals(counts(3, 1, 0, 2, 0, 1), ledger.counts());
    }

    @Test
    void sameIdMovesToAnOutrankingSplit() {
        String id = published(admit("a", "x", "train")).example().id();
        Admission.Publish moved = published(admit("a", "x", "test"));
        assertEquals(id, moved.example().id());
        assertEquals(Split.TEST, moved.example().split());
        assertNull(moved.tombstoneId());
        assertEquals(counts(2, 2, 0, 0, 1, 1), ledger.counts());
        assertEquals(new Admission.LeakageDropped(id, Split.TEST), admit("a", "x", "validation"));
        assertEquals(counts(3, 3, 0, 0, 2, 1), ledger.counts());
    }

    @Test
    void sameInputWithAnotherTargetInALowerSplitIsTombstoned() {
        String trainId = published(admit("a", "x", "train")).example().id();
        Admission.Publish p = published(admit("a", "y", "test"));
        assertEquals(trainId, p.tombstoneId());
        assertEquals(List.of(trainId), p.tombstoneIds());
        assertEquals(Split.TEST, p.example().split());
        assertEquals(counts(2, 2, 0, 0, 1, 1), ledger.counts());
    }

    @Test
    void sameInputWithAnotherTargetInAHigherSplitIsDropped() {
        String testId = published(admit("a", "x", "test")).example().id();
        assertEquals(new Admission.LeakageDropped(testId, Split.TEST), admit("a", "y", "train"));
        assertEquals(counts(2, 2, 0, 0, 1, 1), ledger.counts());
    }

    @Test
    void conflictingTargetsInTheSameSplitAreBothKept() {
        published(admit("a", "x", "train"));
        published(admit("a", "y", "train"));
        assertEquals(counts(2, 2, 0, 0, 0, 2), ledger.counts());
        Admission.Publish p = published(admit("a", "z", "test"));
        assertEquals(2, p.tombstoneIds().size());
        assertEquals(counts(3, 3, 0, 0, 2, 1), ledger.counts());
    }

    @Test
    void autoSplitIsExactlyStratifiedPerLabel() {
        Map<String, Map<Split, Integer>> bySplit = new HashMap<>();
        for (String label : List.of("pos", "neg")) {
            for (int i = 0; i < 10; i++) {
                Split split = published(admit(label + " example " + i, label, null)).example().split();
                bySplit.computeIfAbsent(label, k -> new EnumMap<>(Split.class)).merge(split, 1, Integer::sum);
            }
        }
        Map<Split, Integer> expected = Map.of(Split.TRAIN, 8, Split.VALIDATION, 1, Split.TEST, 1);
        assertEquals(expected, bySplit.get("pos"));
        assertEquals(expected, bySplit.get("neg"));
    }

    @Test
    void autoSplitFollowsTheSpecRatios() {
        DatasetSpec half = Specs.of(TaskType.REGRESSION, SourceFormat.JSONL).splitRatios(1, 0, 1).build();
        DatasetLedger l = new DatasetLedger(half);
        ExampleStandardiser s = new ExampleStandardiser(half);
        Map<Split, Integer> counts = new EnumMap<>(Split.class);
        for (int i = 0; i < 6; i++) {
            Candidate c = ((Standardised.Ok) s.standardise(Map.of("text", "t" + i, "value", (long) i), null))
                    .candidate();
            counts.merge(published(l.admit(c)).example().split(), 1, Integer::sum);
        }
        assertEquals(Map.of(Split.TRAIN, 3, Split.TEST, 3), counts);
        assertAddUp(l);
    }

    @Test
    void reAdmittingKeepsTheAssignedSplitAndTheSameInputFollowsIt() {
        List<Admission.Publish> first = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            first.add(published(admit("text " + i, "pos", null)));
        }
        for (int i = 0; i < 10; i++) {
            assertEquals(new Admission.Duplicate(first.get(i).example().id()), admit("text " + i, "pos", null));
        }
        Admission.Publish test = first.stream().filter(p -> p.example().split() == Split.TEST).findFirst()
                .orElseThrow();
        String testText = test.example().input().text();
        Admission.Publish otherLabel = published(admit(testText, "neg", null));
        assertEquals(Split.TEST, otherLabel.example().split());
        assertNull(otherLabel.tombstoneId());
        assertEquals(counts(21, 11, 0, 10, 0, 11), ledger.counts());
    }

    @Test
    void restoreRebuildsStateAndGivesTheSameDecisions() {
        List<StandardExample> published = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            published.add(published(admit("text " + i, "pos", null)).example());
        }
        Admission.Publish leak = published(admit("text 0", "neg", "test"));
        String tombstone = leak.tombstoneId();
        published.add(leak.example());

        DatasetLedger restored = new DatasetLedger(spec);
        for (StandardExample e : published) {
            restored.restore(e);
            assertAddUp(restored);
        }
        restored.restoreTombstone(tombstone);
        assertAddUp(restored);
        assertEquals(counts(11, 11, 0, 0, 1, 10), restored.counts());
        assertEquals(ledger.profile(true, DatasetProfiled.Trigger.END_OF_IMPORT, java.time.Instant.EPOCH).splits(),
                restored.profile(true, DatasetProfiled.Trigger.END_OF_IMPORT, java.time.Instant.EPOCH).splits());

        Candidate next = candidate("text 10", "pos", null);
        assertEquals(ledger.admit(next), restored.admit(next));
        assertEquals(new Admission.Duplicate(published.get(3).id()), restored.admit(candidate("text 3", "pos", null)));
        assertAddUp(restored);
    }

    @Test
    void countsStayCumulativeAcrossARestartFromTheLastProfile() {
        List<StandardExample> published = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            published.add(published(admit("text " + i, "pos", null)).example());
        }
        admit("text 1", "pos", null);
        ledger.rejected(RejectReason.EMPTY_FIELD);
        ledger.rejected(RejectReason.EMPTY_FIELD);
        DatasetProfiled last = ledger.profile(true, DatasetProfiled.Trigger.END_OF_IMPORT, java.time.Instant.EPOCH);
        // One more example is accepted after the profile, before the crash.
        published.add(published(admit("text 6", "pos", null)).example());

        DatasetLedger restored = new DatasetLedger(spec);
        published.forEach(restored::restore);
        restored.restoreCounts(last);
        assertAddUp(restored);
        assertEquals(ledger.counts(), restored.counts(), "the same counts as without the restart");
        assertEquals(Map.of("EMPTY_FIELD", 2L), restored.profile(true, DatasetProfiled.Trigger.END_OF_IMPORT,
                java.time.Instant.EPOCH).rejectsByReason());
    }

    @Test
    void restoringTheSameIdAgainIsAnUpdateNotANewCount() {
        StandardExample e = published(admit("a", "x", "train")).example();
        DatasetLedger restored = new DatasetLedger(spec);
        restored.restore(e);
        restored.restore(e.withSplit(Split.TEST));
        assertEquals(counts(1, 1, 0, 0, 0, 1), restored.counts());
        assertEquals(Map.of("train", 0L, "validation", 0L, "test", 1L),
                restored.profile(true, DatasetProfiled.Trigger.END_OF_IMPORT, java.time.Instant.EPOCH).splits());
        assertAddUp(restored);
    }

    @Test
    void aHandWrittenIdOnTheTopicIsKeptAsItIsAndCanBeTombstoned() {
        StandardExample ours = published(admit("a", "x", "train")).example();
        StandardExample handWritten = published(admit("b", "x", "train")).example();
        handWritten = new StandardExample(handWritten.schemaVersion(), "hand-written id " + handWritten.id()
                .toUpperCase(java.util.Locale.ROOT), handWritten.datasetId(), handWritten.taskId(),
                handWritten.taskType(), handWritten.split(), handWritten.input(), handWritten.target(),
                handWritten.domain(), handWritten.groups(), handWritten.language(), handWritten.source(),
                handWritten.difficulty());
        DatasetLedger restored = new DatasetLedger(spec);
        restored.restore(ours);
        restored.restore(handWritten);
        assertEquals(counts(2, 2, 0, 0, 0, 2), restored.counts());
        // The hand-written example holds input "b": the same input in test outranks it, under its own id.
        Admission.Publish moved = published(restored.admit(candidate("b", "x", "test")));
        assertEquals(handWritten.id(), moved.tombstoneId());
        assertEquals(new Admission.Duplicate(ours.id()), restored.admit(candidate("a", "x", "train")));
        restored.restoreTombstone(moved.example().id());
        assertEquals(1, restored.counts().examples());
        assertAddUp(restored);
    }

    @Test
    void aTombstoneWhoseExampleWasCompactedAwayStillCounts() {
        DatasetLedger restored = new DatasetLedger(spec);
        restored.restoreTombstone("ds-000000000000000000000000");
        assertEquals(counts(1, 1, 0, 0, 1, 0), restored.counts());
        assertAddUp(restored);
    }

    @Test
    void updatedSpecRatiosApplyToNewAssignments() {
        ledger.updateSpec(Specs.of(TaskType.TEXT_CLASSIFICATION, SourceFormat.JSONL).splitRatios(0, 0, 1).build());
        assertEquals(Split.TEST, published(admit("a", "x", null)).example().split());
        assertEquals(0.0, ledger.spec().splitRatiosOrDefault().train());
    }

    @Test
    void aMixedSequenceKeepsCountsTopicAndSplitsConsistentWithoutLeakage() {
        Map<String, StandardExample> topic = new HashMap<>();
        String[] splits = {null, "train", "validation", "test"};
        for (int i = 0; i < 200; i++) {
            Admission a = admit("t" + (i % 37), i % 3 == 0 ? "a" : "b", splits[i % 4]);
            if (a instanceof Admission.Publish p) {
                topic.put(p.example().id(), p.example());
                p.tombstoneIds().forEach(topic::remove);
            }
            if (i % 11 == 0) {
                ledger.rejected(RejectReason.EMPTY_FIELD);
            }
        }
        DatasetProfiled.Counts c = ledger.counts();
        assertEquals(219, c.received());
        assertTrue(c.duplicates() > 0 && c.leakageRemoved() > 0, c.toString());
        assertEquals(c.examples(), topic.size());
        Map<String, Split> splitOfInput = new HashMap<>();
        for (StandardExample e : topic.values()) {
            Split other = splitOfInput.put(e.input().text(), e.split());
            assertTrue(other == null || other == e.split(), "leakage of " + e.input().text());
        }
    }
}
