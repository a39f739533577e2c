package io.multitune.dataprep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.multitune.events.DatasetSpec;
import io.multitune.events.SourceFormat;
import io.multitune.events.SourcePosition;
import io.multitune.events.TaskType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Runs the whole hot path (parse, standardise, admit) over many ~1 KB records and prints the rate, as a smoke test
 * of the benchmark path. It asserts only correctness: timing assertions would be flaky on shared CI machines.
 */
class ThroughputSanityTest {
    private static final int RECORDS = 5_000;

    @Test
    void theHotPathHandlesManyKilobyteRecords() {
        DatasetSpec spec = Specs.of(TaskType.TEXT_CLASSIFICATION, SourceFormat.JSONL).labels("neg", "pos").build();
        RawPayloadParser parser = RawPayloadParser.forSpec(spec);
        ExampleStandardiser standardiser = new ExampleStandardiser(spec);
        DatasetLedger ledger = new DatasetLedger(spec);
        String filler = "The film was a quiet, careful study of grief, with long takes and sparse dialogue. "
                .repeat(11);
        byte[][] messages = new byte[RECORDS][];
        for (int i = 0; i < RECORDS; i++) {
            messages[i] = ("{\"id\":" + i + ",\"text\":\"" + i + " " + filler + "\",\"label\":\""
                    + (i % 2 == 0 ? "pos" : "neg") + "\"}").getBytes(StandardCharsets.UTF_8);
        }
        long start = System.nanoTime();
        long bytes = 0;
        for (int i = 0; i < RECORDS; i++) {
            bytes += messages[i].length;
            for (RawUnit unit : parser.parse(messages[i])) {
                Standardised s = standardiser.standardise(((RawUnit.Parsed) unit).fields(),
                        new SourcePosition("raw", 0, i, unit.index(), null));
                ledger.admit(((Standardised.Ok) s).candidate());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("dataprep hot path: %d records (%.1f MB) in %.2f s, %.0f records/s%n", RECORDS,
                bytes / 1e6, seconds, RECORDS / seconds);
        assertEquals(RECORDS, ledger.counts().examples());
    }
}
