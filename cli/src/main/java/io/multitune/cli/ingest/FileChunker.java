package io.multitune.cli.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.multitune.events.DatasetSpec;
import io.multitune.events.SourceFormat;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Splits a data file into raw-topic message values at record boundaries, following the raw-topic protocol:
 * <ul>
 *   <li>jsonl: one or more complete lines per message (blank lines are not records and are dropped);</li>
 *   <li>json: the top-level array is streamed with Jackson and re-serialised in sub-arrays of at most N elements,
 *       every element copied exactly (numbers keep their textual form); a single top-level object becomes a
 *       one-element array;</li>
 *   <li>csv/tsv: a quote-aware scanner finds record ends (quoted fields may hold newlines); when the spec has a
 *       header row, that row is repeated at the start of every message;</li>
 *   <li>conll: one or more sentences per message, separated by one blank line.</li>
 * </ul>
 * Line-based formats are handled as bytes, so the values carry the file's bytes unchanged (a leading UTF-8 byte
 * order mark is dropped) and invalid UTF-8 reaches data-ingest, which rejects it with a reason.
 *
 * <p>A message holds at most {@code recordsPerMessage} records and, when it has more than one record, at most
 * {@code maxMessageBytes} bytes. Not thread-safe; close it (or exhaust it) to release the file.
 */
public final class FileChunker implements Iterator<FileChunker.Chunk>, Closeable {
    /** Default upper bound of a message value, below Kafka's default 1 MB message size. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 900_000;

    /** One message value and the number of records in it. */
    public record Chunk(byte[] value, int records) {
        public Chunk {
            Objects.requireNonNull(value, "value");
        }
    }

    private static final byte[] NEWLINE = {'\n'};
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final RecordSource source;
    private final SourceFormat format;
    private final int recordsPerMessage;
    private final int maxMessageBytes;
    private byte[] pending;
    private Chunk next;
    private boolean done;

    private FileChunker(RecordSource source, SourceFormat format, int recordsPerMessage, int maxMessageBytes) {
        if (recordsPerMessage < 1) {
            throw new IllegalArgumentException("records per message must be at least 1, got " + recordsPerMessage);
        }
        this.source = source;
        this.format = format;
        this.recordsPerMessage = recordsPerMessage;
        this.maxMessageBytes = Math.max(1, maxMessageBytes);
    }

    /** Chunks {@code file} as the spec's format says. */
    public static FileChunker open(Path file, DatasetSpec spec, int recordsPerMessage) throws IOException {
        return open(file, spec.format(), spec.hasHeaderRow(), recordsPerMessage, DEFAULT_MAX_MESSAGE_BYTES);
    }

    /** Chunks {@code file}; {@code headerRow} matters for csv/tsv only. */
    public static FileChunker open(Path file, SourceFormat format, boolean headerRow, int recordsPerMessage,
                                   int maxMessageBytes) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            return open(in, format, headerRow, recordsPerMessage, maxMessageBytes);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Chunks a stream (closed with the chunker); {@code headerRow} matters for csv/tsv only. */
    public static FileChunker open(InputStream in, SourceFormat format, boolean headerRow, int recordsPerMessage,
                                   int maxMessageBytes) throws IOException {
        Objects.requireNonNull(format, "format");
        RecordSource source = source(in, format, headerRow, false);
        return new FileChunker(source, format, recordsPerMessage, maxMessageBytes);
    }

    /** Chunks bytes in memory (for tests and small inputs). */
    public static List<Chunk> chunkAll(byte[] data, SourceFormat format, boolean headerRow, int recordsPerMessage)
            throws IOException {
        List<Chunk> out = new ArrayList<>();
        try (FileChunker c = open(new ByteArrayInputStream(data), format, headerRow, recordsPerMessage,
                DEFAULT_MAX_MESSAGE_BYTES)) {
            c.forEachRemaining(out::add);
        }
        return out;
    }

    /** Counts the records of a file without building messages (one pass over the file). */
    public static long countRecords(Path file, SourceFormat format, boolean headerRow) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             RecordSource source = source(in, format, headerRow, true)) {
            long n = 0;
            while (source.next() != null) {
                n++;
            }
            return n;
        }
    }

    private static RecordSource source(InputStream in, SourceFormat format, boolean headerRow, boolean countOnly)
            throws IOException {
        return switch (format) {
            case JSONL -> new LineRecords(in);
            case JSON -> new JsonRecords(in, countOnly);
            case CSV -> new DelimitedRecords(in, (byte) ',', headerRow);
            case TSV -> new DelimitedRecords(in, (byte) '\t', headerRow);
            case CONLL -> new ConllRecords(in);
        };
    }

    /** The header row (csv/tsv with a header), with its line end; null otherwise. */
    public byte[] header() {
        return source.header();
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            try {
                next = build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (next == null) {
                done = true;
            }
        }
        return next != null;
    }

    @Override
    public Chunk next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Chunk c = next;
        next = null;
        return c;
    }

    private Chunk build() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] header = source.header();
        if (format == SourceFormat.JSON) {
            out.write('[');
        } else if (header != null) {
            out.write(header);
        }
        int count = 0;
        while (count < recordsPerMessage) {
            byte[] rec = pending != null ? pending : source.next();
            pending = null;
            if (rec == null) {
                break;
            }
            int extra = rec.length + (count > 0 ? separatorLength() : 0) + (format == SourceFormat.JSON ? 1 : 0);
            if (count > 0 && out.size() + extra > maxMessageBytes) {
                pending = rec;
                break;
            }
            if (count > 0) {
                writeSeparator(out);
            }
            out.write(rec);
            count++;
        }
        if (count == 0) {
            return null;
        }
        if (format == SourceFormat.JSON) {
            out.write(']');
        }
        return new Chunk(out.toByteArray(), count);
    }

    private int separatorLength() {
        return format == SourceFormat.JSON || format == SourceFormat.CONLL ? 1 : 0;
    }

    private void writeSeparator(ByteArrayOutputStream out) {
        if (format == SourceFormat.JSON) {
            out.write(',');
        } else if (format == SourceFormat.CONLL) {
            out.write('\n'); // each sentence ends with a newline; one more makes the blank separator line
        }
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Yields one record at a time as bytes; null at the end. */
    private interface RecordSource extends Closeable {
        byte[] next() throws IOException;

        default byte[] header() {
            return null;
        }
    }

    /**
     * What the byte-level readers share: each returns records exactly as their bytes stand in the file, except that a
     * UTF-8 BOM goes from the first one and the last one always ends with a newline (so records can be concatenated).
     */
    abstract static class ByteRecordReader implements Closeable {
        protected final InputStream in;
        protected boolean eof;
        private boolean first = true;

        ByteRecordReader(InputStream in) {
            this.in = in;
        }

        /**
         * Completes a record whose reading stopped at {@code lastRead} (-1 at the end of the input).
         *
         * @return its bytes, or null if the input ended before the record had any
         */
        protected final byte[] finish(ByteArrayOutputStream rec, int lastRead) {
            if (lastRead == -1) {
                eof = true;
                if (rec.size() == 0) {
                    return null;
                }
                byte[] sofar = rec.toByteArray();
                if (sofar[sofar.length - 1] != '\n') {
                    rec.write('\n');
                }
            }
            byte[] bytes = rec.toByteArray();
            if (first) {
                first = false;
                bytes = stripBom(bytes);
            }
            return bytes;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Byte-level reader of lines that keeps each line's bytes and terminator. */
    private static final class ByteLines extends ByteRecordReader {
        ByteLines(InputStream in) {
            super(in);
        }

        /** The next line including its '\n' (one is added to a last line without it); null at the end. */
        byte[] line() throws IOException {
            if (eof) {
                return null;
            }
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            int b;
            while ((b = in.read()) != -1) {
                line.write(b);
                if (b == '\n') {
                    break;
                }
            }
            return finish(line, b);
        }
    }

    static byte[] stripBom(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            byte[] out = new byte[bytes.length - 3];
            System.arraycopy(bytes, 3, out, 0, out.length);
            return out;
        }
        return bytes;
    }

    static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** jsonl: one record per non-blank line. */
    private static final class LineRecords implements RecordSource {
        private final ByteLines lines;

        LineRecords(InputStream in) {
            this.lines = new ByteLines(in);
        }

        @Override
        public byte[] next() throws IOException {
            byte[] line;
            while ((line = lines.line()) != null) {
                if (!isBlank(line)) {
                    return line;
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            lines.close();
        }
    }

    /** conll: one record per sentence (a run of non-blank lines). */
    private static final class ConllRecords implements RecordSource {
        private final ByteLines lines;

        ConllRecords(InputStream in) {
            this.lines = new ByteLines(in);
        }

        @Override
        public byte[] next() throws IOException {
            ByteArrayOutputStream sentence = new ByteArrayOutputStream(512);
            byte[] line;
            while ((line = lines.line()) != null) {
                if (isBlank(line)) {
                    if (sentence.size() > 0) {
                        break;
                    }
                } else {
                    sentence.write(line);
                }
            }
            return sentence.size() == 0 ? null : sentence.toByteArray();
        }

        @Override
        public void close() throws IOException {
            lines.close();
        }
    }

    /**
     * csv/tsv: RFC 4180 record boundaries. A quote opens a quoted field only at the start of a field; inside one,
     * a doubled quote is an escaped quote and a single quote closes it; a newline outside quotes ends the record.
     * Blank records are dropped. An unterminated quote runs to the end of the file (data-ingest rejects it).
     */
    static final class DelimitedRecords extends ByteRecordReader implements RecordSource {
        private final byte delimiter;
        private byte[] header;

        DelimitedRecords(InputStream in, byte delimiter, boolean headerRow) throws IOException {
            super(in);
            this.delimiter = delimiter;
            if (headerRow) {
                header = nextNonBlank();
            }
        }

        @Override
        public byte[] header() {
            return header;
        }

        @Override
        public byte[] next() throws IOException {
            return nextNonBlank();
        }

        private byte[] nextNonBlank() throws IOException {
            byte[] rec;
            while ((rec = record()) != null) {
                if (!isBlank(rec)) {
                    return rec;
                }
            }
            return null;
        }

        private byte[] record() throws IOException {
            if (eof) {
                return null;
            }
            ByteArrayOutputStream rec = new ByteArrayOutputStream(256);
            boolean fieldStart = true;
            boolean inQuotes = false;
            boolean quoteInQuotes = false; // saw a quote inside a quoted field: escape or end
            int b;
            while ((b = in.read()) != -1) {
                rec.write(b);
                if (inQuotes) {
                    if (quoteInQuotes) {
                        quoteInQuotes = false;
                        if (b == '"') {
                            continue; // "" = an escaped quote
                        }
                        inQuotes = false; // the previous quote closed the field; handle b outside quotes
                    } else {
                        if (b == '"') {
                            quoteInQuotes = true;
                        }
                        continue;
                    }
                }
                if (b == '\n') {
                    break;
                } else if (b == delimiter) {
                    fieldStart = true;
                } else if (b == '"' && fieldStart) {
                    inQuotes = true;
                    fieldStart = false;
                } else {
                    fieldStart = false;
                }
            }
            return finish(rec, b);
        }
    }

    /** json: the elements of the top-level array (or one top-level object), each copied exactly. */
    private static final class JsonRecords implements RecordSource {
        private static final byte[] COUNTED = new byte[0];
        private final InputStream in;
        private final JsonParser parser;
        private final boolean countOnly;
        private boolean single;
        private boolean finished;

        JsonRecords(InputStream in, boolean countOnly) throws IOException {
            this.in = in;
            this.countOnly = countOnly;
            this.parser = JSON.createParser(in);
            JsonToken first = nextToken();
            if (first == null) {
                finished = true; // empty file: no records
            } else if (first == JsonToken.START_OBJECT) {
                single = true;
            } else if (first != JsonToken.START_ARRAY) {
                throw new IOException("json: expected a JSON array of objects (or one object) at "
                        + where() + ", found " + first.asString());
            }
        }

        @Override
        public byte[] next() throws IOException {
            if (finished) {
                return null;
            }
            if (single) {
                finished = true;
                byte[] rec = copy();
                trailing();
                return rec;
            }
            JsonToken t = nextToken();
            if (t == JsonToken.END_ARRAY) {
                finished = true;
                trailing();
                return null;
            }
            if (t == null) {
                throw new IOException("json: the top-level array is not closed (end of file at " + where() + ")");
            }
            return copy();
        }

        private byte[] copy() throws IOException {
            if (countOnly) {
                try {
                    parser.skipChildren();
                } catch (JsonParseException e) {
                    throw malformed(e);
                }
                return COUNTED;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            try (JsonGenerator g = JSON.createGenerator(out)) {
                g.copyCurrentStructureExact(parser);
            } catch (JsonParseException e) {
                throw malformed(e);
            }
            return out.toByteArray();
        }

        private void trailing() throws IOException {
            JsonToken t = nextToken();
            if (t != null) {
                throw new IOException("json: unexpected content after the top-level value at " + where());
            }
        }

        private JsonToken nextToken() throws IOException {
            try {
                return parser.nextToken();
            } catch (JsonParseException e) {
                throw malformed(e);
            }
        }

        private IOException malformed(JsonParseException e) {
            return new IOException("json: not valid JSON at " + where() + ": " + e.getOriginalMessage(), e);
        }

        private String where() {
            var loc = parser.currentLocation();
            return "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        }

        @Override
        public void close() throws IOException {
            try {
                parser.close();
            } finally {
                in.close();
            }
        }
    }
}
