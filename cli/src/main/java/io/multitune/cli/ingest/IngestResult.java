package io.multitune.cli.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * What {@link IngestClient#send} sent.
 *
 * @param datasetId the dataset id (the key of every message)
 * @param records   records sent
 * @param messages  record messages sent (the spec and end messages are not counted)
 * @param bytes     value bytes of the record messages
 * @param startedAt when sending began (before the spec message); profiles produced after it belong to this import
 * @param elapsed   time from the start to the last acknowledgement
 * @param endSent   whether an end message was sent
 */
public record IngestResult(String datasetId, long records, long messages, long bytes, Instant startedAt,
                           Duration elapsed, boolean endSent) {

    /** {@code dataset <id>: sent <records> records in <messages> messages (<bytes> bytes) in <t> s}. */
    public String summaryLine() {
        return String.format(Locale.ROOT, "dataset %s: sent %d records in %d messages (%d bytes) in %.1f s",
                datasetId, records, messages, bytes, elapsed.toMillis() / 1000.0);
    }
}
