package io.multitune.cli.ingest;

/**
 * How {@link IngestClient#send} sends a file.
 *
 * @param recordsPerMessage most records in one raw message (default 100)
 * @param maxMessageBytes   most bytes in one raw message holding more than one record (default 900,000)
 * @param sendEnd           whether to finish with an {@code end} message, which makes data-ingest emit the profile
 * @param progress          told about progress as the broker acknowledges messages; null for none
 */
public record IngestOptions(int recordsPerMessage, int maxMessageBytes, boolean sendEnd, ProgressListener progress) {
    public static final int DEFAULT_RECORDS_PER_MESSAGE = 100;

    public IngestOptions {
        if (recordsPerMessage < 1) {
            throw new IllegalArgumentException("records per message must be at least 1, got " + recordsPerMessage);
        }
        if (maxMessageBytes < 1) {
            throw new IllegalArgumentException("max message bytes must be at least 1, got " + maxMessageBytes);
        }
    }

    /** 100 records per message, an end message, no progress. */
    public static IngestOptions defaults() {
        return new IngestOptions(DEFAULT_RECORDS_PER_MESSAGE, FileChunker.DEFAULT_MAX_MESSAGE_BYTES, true, null);
    }

    public IngestOptions withRecordsPerMessage(int n) {
        return new IngestOptions(n, maxMessageBytes, sendEnd, progress);
    }

    public IngestOptions withSendEnd(boolean end) {
        return new IngestOptions(recordsPerMessage, maxMessageBytes, end, progress);
    }

    public IngestOptions withProgress(ProgressListener listener) {
        return new IngestOptions(recordsPerMessage, maxMessageBytes, sendEnd, listener);
    }

    /** Progress of one send; called from the producer's I/O thread, so implementations must be quick. */
    @FunctionalInterface
    public interface ProgressListener {
        /**
         * @param recordsAcked records acknowledged by the broker so far
         * @param totalRecords records in the file (counted before sending)
         * @param bytesAcked   value bytes of the acknowledged record messages
         * @param elapsed      time since the first message was sent
         * @param done         true once, after the last acknowledgement
         */
        void onProgress(long recordsAcked, long totalRecords, long bytesAcked, java.time.Duration elapsed,
                        boolean done);
    }
}
