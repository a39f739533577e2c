package io.multitune.dataprep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.multitune.events.DatasetProfiled;
import io.multitune.events.DatasetProfiled.LengthPercentiles;
import io.multitune.events.DatasetSpec;
import io.multitune.events.RejectReason;
import io.multitune.events.SourceFormat;
import io.multitune.events.TaskType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Profiles of tiny datasets, checked against numbers worked out by hand. */
class DatasetProfileTest {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    private static void admit(DatasetLedger ledger, Map<String, Object> fields) {
        Standardised s = new ExampleStandardiser(ledger.spec()).standardise(fields, null);
        if (s instanceof Standardised.Ok ok) {
            ledger.admit(ok.candidate());
        } else {
            ledger.rejected(((Standardised.Rejected) s).rejection().reason());
        }
    }

    private static Map<String, Object> record(Object... keysAndValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    @Test
    void classificationProfile() {
        DatasetSpec spec = Specs.of(TaskType.TEXT_CLASSIFICATION, SourceFormat.JSONL).labels("pos", "neg")
                .domain("news").groupFields("gender").build();
        DatasetLedger ledger = new DatasetLedger(spec);
        admit(ledger, record("text", "a b c", "label", "pos", "split", "train", "gender", "f"));
        admit(ledger, record("text", "hello", "label", "pos", "split", "train", "gender", "m", "domain", "sport"));
        admit(ledger, record("text", "one two", "label", "neg", "split", "train"));
        admit(ledger, record("text", "x", "label", "neg", "split", "test", "gender", "f"));
        admit(ledger, record("text", "longer text here ok", "label", "pos", "split", "validation"));
        admit(ledger, record("text", "a  b c", "label", "pos", "split", "train", "gender", "f"));
        admit(ledger, record("label", "pos"));
        admit(ledger, record("text", "", "label", "pos"));
        admit(ledger, record("text", "y", "label", "meh"));

        DatasetProfiled p = ledger.profile(true, DatasetProfiled.Trigger.END_OF_IMPORT, NOW);

        assertEquals(DatasetProfiled.SCHEMA_VERSION, p.schemaVersion());
        assertEquals("ds", p.datasetId());
        assertEquals("task", p.taskId());
        assertEquals(TaskType.TEXT_CLASSIFICATION, p.taskType());
        assertEquals(true, p.complete());
        assertEquals(DatasetProfiled.Trigger.END_OF_IMPORT, p.trigger());
        assertEquals(NOW, p.profiledAt());
        assertEquals(new DatasetProfiled.Counts(9, 5, 3, 1, 0, 5), p.counts());
        assertEquals(Map.of("train", 3L, "validation", 1L, "test", 1L), p.splits());
        assertEquals(Map.of("train", Map.of("pos", 2L, "neg", 1L), "validation", Map.of("pos", 1L),
                "test", Map.of("neg", 1L)), p.labelsBySplit());
        assertEquals(Map.of("news", 4L, "sport", 1L), p.domains());
        assertEquals(2.0, p.imbalanceRatio());
        // chars sorted 1,5,5,7,19 and words 1,1,2,3,4; nearest rank: p50 = 3rd, p90 = p99 = 5th
        assertEquals(new LengthPercentiles(5, 19, 19, 19), p.inputChars());
        assertEquals(new LengthPercentiles(2, 4, 4, 4), p.inputWords());
        assertEquals(Map.of("MISSING_FIELD", 1L, "EMPTY_FIELD", 1L, "UNKNOWN_LABEL", 1L), p.rejectsByReason());
        assertEquals(Map.of("gender", Map.of("f", 2L, "m", 1L)), p.groups());
    }

    @Test
    void tokenClassificationCountsTagsPerSplit() {
        DatasetSpec spec = Specs.of(TaskType.TOKEN_CLASSIFICATION, SourceFormat.JSONL).build();
        DatasetLedger ledger = new DatasetLedger(spec);
        admit(ledger, record("tokens", List.of("EU", "rejects", "it"), "tags", List.of("B-ORG", "O", "O"),
                "split", "train"));
        admit(ledger, record("tokens", "Peter ran", "tags", "B-PER O", "split", "train"));
        admit(ledger, record("tokens", "Bonn", "tags", "B-LOC", "split", "test"));

        DatasetProfiled p = ledger.profile(false, DatasetProfiled.Trigger.IDLE_TIMEOUT, NOW);

        assertEquals(Map.of("train", Map.of("B-ORG", 1L, "O", 3L, "B-PER", 1L), "test", Map.of("B-LOC", 1L)),
                p.labelsBySplit());
        assertNull(p.imbalanceRatio());
        // "EU rejects it" = 13 chars / 3 words, "Peter ran" = 9 / 2, "Bonn" = 4 / 1
        assertEquals(new LengthPercentiles(9, 13, 13, 13), p.inputChars());
        assertEquals(new LengthPercentiles(2, 3, 3, 3), p.inputWords());
        assertEquals(Map.of(), p.domains());
        assertEquals(Map.of(), p.groups());
        assertEquals(Map.of(), p.rejectsByReason());
    }

    @Test
    void otherTaskTypesHaveNoLabelsAndJoinTheirInputs() {
        DatasetSpec spec = Specs.of(TaskType.EXTRACTIVE_QA, SourceFormat.JSONL).build();
        DatasetLedger ledger = new DatasetLedger(spec);
        admit(ledger, record("question", "Who?", "context", "Ann did it.", "answerText", "Ann", "split", "train"));
        DatasetProfiled p = ledger.profile(true, DatasetProfiled.Trigger.END_OF_IMPORT, NOW);
        assertEquals(Map.of(), p.labelsBySplit());
        assertNull(p.imbalanceRatio());
        // "Who? Ann did it." = 16 chars, 4 words
        assertEquals(new LengthPercentiles(16, 16, 16, 16), p.inputChars());
        assertEquals(new LengthPercentiles(4, 4, 4, 4), p.inputWords());
    }

    @Test
    void anEmptyDatasetHasZeroLengthsAndNoImbalance() {
        DatasetLedger ledger = new DatasetLedger(Specs.of(TaskType.TEXT_CLASSIFICATION, SourceFormat.CSV).build());
        ledger.rejected(RejectReason.MALFORMED_CSV);
        DatasetProfiled p = ledger.profile(false, DatasetProfiled.Trigger.IDLE_TIMEOUT, NOW);
        assertEquals(new LengthPercentiles(0, 0, 0, 0), p.inputChars());
        assertNull(p.imbalanceRatio());
        assertEquals(Map.of("train", 0L, "validation", 0L, "test", 0L), p.splits());
        assertEquals(new DatasetProfiled.Counts(1, 0, 1, 0, 0, 0), p.counts());
    }

    @Test
    void nearestRankPercentilesOnAHundredValues() {
        int[] values = new int[100];
        for (int i = 0; i < 100; i++) {
            values[i] = 100 - i;
        }
        assertEquals(new LengthPercentiles(50, 90, 99, 100), ProfileBuilder.percentiles(values));
    }
}
