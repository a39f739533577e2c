package io.multitune.cli.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.DatasetProfiled;
import io.multitune.events.TaskType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileTableTest {

    static DatasetProfiled profile(String id, DatasetProfiled.Counts counts, Map<String, Long> rejects) {
        return new DatasetProfiled(DatasetProfiled.SCHEMA_VERSION, id, "sentiment", TaskType.TEXT_CLASSIFICATION,
                true, DatasetProfiled.Trigger.END_OF_IMPORT, Instant.parse("2025-01-01T00:00:00Z"), counts,
                Map.of("train", 799L, "validation", 100L, "test", 100L),
                Map.of("train", Map.of("positive", 400L, "negative", 399L),
                        "validation", Map.of("positive", 50L, "negative", 50L),
                        "test", Map.of("positive", 50L, "negative", 50L)),
                Map.of("movies", 999L), 1.0025, new DatasetProfiled.LengthPercentiles(60, 140, 250, 400),
                new DatasetProfiled.LengthPercentiles(11, 25, 45, 70), rejects, Map.of());
    }

    @Test
    void rendersAlignedRowsAndRejects() {
        String table = ProfileTable.render(List.of(
                profile("sentiment-imdb", new DatasetProfiled.Counts(1000, 999, 1, 0, 0, 999),
                        Map.of("EMPTY_FIELD", 1L)),
                profile("sentiment-yelp", new DatasetProfiled.Counts(1000, 995, 1, 4, 2, 993), Map.of())));
        String[] lines = table.split("\n");
        assertTrue(lines[0].startsWith("dataset"), table);
        assertTrue(lines[1].startsWith("-------"), table);
        assertTrue(lines[2].startsWith("sentiment-imdb  sentiment  text-classification"), table);
        // columns line up: "received" ends where the numbers end
        int end = lines[0].indexOf("received") + "received".length();
        assertEquals(' ', lines[2].charAt(end));
        assertEquals('0', lines[2].charAt(end - 1));
        assertTrue(lines[2].contains("799/100/100"), table);
        assertTrue(lines[2].contains("positive 500, negative 499"), table);
        assertTrue(lines[2].contains("1.00"), table);
        assertTrue(lines[2].contains("11/25"), table);
        assertTrue(lines[2].endsWith("yes       ok"), lines[2]);
        assertFalse(table.contains("MISMATCH"), table);
        assertTrue(table.contains("rejects by reason:\n  sentiment-imdb: EMPTY_FIELD 1\n  sentiment-yelp: none\n"),
                table);
    }

    @Test
    void marksCountsThatDoNotAddUp() {
        String table = ProfileTable.render(List.of(
                profile("bad", new DatasetProfiled.Counts(10, 5, 1, 1, 0, 5), Map.of("UNKNOWN_LABEL", 1L))));
        assertTrue(table.contains("MISMATCH"), table);
        assertTrue(table.contains("bad: counts do not add up: received 10 vs accepted + rejected + duplicates = 7"),
                table);
    }

    @Test
    void topLabelsShowsThreeAndHowManyMore() {
        assertEquals("NOUN 5, VERB 4, ADJ 2 (+1)", ProfileTable.topLabels(
                Map.of("train", Map.of("NOUN", 3L, "VERB", 4L, "ADJ", 2L, "X", 1L), "test", Map.of("NOUN", 2L)), 3));
        assertEquals("-", ProfileTable.topLabels(null, 3));
    }
}
