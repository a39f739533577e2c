package io.multitune.cli.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.multitune.events.SourceFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileChunkerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> values(List<FileChunker.Chunk> chunks) {
        return chunks.stream().map(c -> new String(c.value(), StandardCharsets.UTF_8)).collect(Collectors.toList());
    }

    private static List<FileChunker.Chunk> chunk(String data, SourceFormat f, boolean header, int n)
            throws IOException {
        return FileChunker.chunkAll(data.getBytes(StandardCharsets.UTF_8), f, header, n);
    }

    @Test
    void jsonlCutsAtLinesAndDropsBlankLines() throws IOException {
        String data = "{\"a\":1}\n{\"a\":2}\n\n{\"a\":3}\r\n{\"a\":4}\n{\"a\":5}";
        List<FileChunker.Chunk> chunks = chunk(data, SourceFormat.JSONL, false, 2);
        assertEquals(List.of("{\"a\":1}\n{\"a\":2}\n", "{\"a\":3}\r\n{\"a\":4}\n", "{\"a\":5}\n"), values(chunks));
        assertEquals(List.of(2, 2, 1), chunks.stream().map(FileChunker.Chunk::records).collect(Collectors.toList()));
    }

    @Test
    void csvRepeatsTheHeaderAndKeepsQuotedNewlinesInsideOneRecord() throws IOException {
        String header = "text,label\r\n";
        String r1 = "\"line one\nline two, still one\",pos\r\n";
        String r2 = "plain,neg\r\n";
        String r3 = "\"she said \"\"hi\"\"\nand left\",pos\r\n";
        String r4 = "5\" screen,neg\n"; // a quote inside an unquoted field is literal
        String r5 = "last,pos";
        List<FileChunker.Chunk> chunks = chunk("\uFEFF" + header + r1 + r2 + "\r\n" + r3 + r4 + r5,
                SourceFormat.CSV, true, 2);
        assertEquals(List.of(header + r1 + r2, header + r3 + r4, header + r5 + "\n"), values(chunks));
        assertEquals(5, chunks.stream().mapToInt(FileChunker.Chunk::records).sum());
    }

    @Test
    void csvWithoutHeaderRowHasNoHeader() throws IOException {
        List<FileChunker.Chunk> chunks = chunk("a,1\nb,2\nc,3\n", SourceFormat.CSV, false, 2);
        assertEquals(List.of("a,1\nb,2\n", "c,3\n"), values(chunks));
    }

    @Test
    void tsvUsesTabsAndQuotes() throws IOException {
        String header = "text\tlabel\n";
        String r1 = "\"multi\nline\ttab\"\tx\n";
        String r2 = "b\ty\n";
        List<FileChunker.Chunk> chunks = chunk(header + r1 + r2, SourceFormat.TSV, true, 1);
        assertEquals(List.of(header + r1, header + r2), values(chunks));
    }

    @Test
    void csvUnterminatedQuoteRunsToTheEnd() throws IOException {
        List<FileChunker.Chunk> chunks = chunk("h\n\"open\nx\ny\n", SourceFormat.CSV, true, 10);
        assertEquals(List.of("h\n\"open\nx\ny\n"), values(chunks));
        assertEquals(1, chunks.get(0).records());
    }

    @Test
    void conllCutsAtSentenceBoundaries() throws IOException {
        String s1 = "The\tDET\ndog\tNOUN\n";
        String s2 = "Runs\tVERB\n.\t.\n";
        String s3 = "Hi\tX\n";
        String data = "\n" + s1 + "\n\n" + s2 + "  \t\n" + s3; // blank lines of any kind, no final newline
        List<FileChunker.Chunk> chunks = chunk(data, SourceFormat.CONLL, false, 2);
        assertEquals(List.of(s1 + "\n" + s2, s3), values(chunks));
        assertEquals(List.of(2, 1), chunks.stream().map(FileChunker.Chunk::records).collect(Collectors.toList()));
    }

    @Test
    void jsonIsRechunkedIntoSubArraysKeepingEveryObject() throws IOException {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < 25; i++) {
            b.append(i == 0 ? "" : ",\n ").append("{\"text\":\"t").append(i).append(" é \\\"q\\\"\",\"class\":")
                    .append(i % 2).append(",\"w\":1.50,\"n\":[1,{\"x\":null}]}");
        }
        b.append(",{\"text\":\"\",\"class\":null}]");
        List<FileChunker.Chunk> chunks = chunk(b.toString(), SourceFormat.JSON, false, 10);
        assertEquals(List.of(10, 10, 6), chunks.stream().map(FileChunker.Chunk::records).collect(Collectors.toList()));
        List<JsonNode> all = new ArrayList<>();
        for (String v : values(chunks)) {
            JsonNode arr = JSON.readTree(v);
            assertTrue(arr.isArray());
            arr.forEach(all::add);
        }
        assertEquals(JSON.readTree(b.toString()), JSON.valueToTree(all));
        assertTrue(values(chunks).get(0).contains("\"w\":1.50"), "numbers keep their textual form");
        assertTrue(values(chunks).get(2).endsWith("{\"text\":\"\",\"class\":null}]"));
    }

    @Test
    void aSingleJsonObjectBecomesAOneElementArray() throws IOException {
        assertEquals(List.of("[{\"a\":1}]"), values(chunk(" {\"a\":1} ", SourceFormat.JSON, false, 10)));
    }

    @Test
    void malformedJsonFailsWithAPosition() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> chunk("[{\"a\":1},\n{\"a\":}]", SourceFormat.JSON, false, 10));
        assertTrue(e.getCause().getMessage().contains("line 2"), e.getCause().getMessage());
        IOException top = assertThrows(IOException.class, () -> chunk("\"text\"", SourceFormat.JSON, false, 10));
        assertTrue(top.getMessage().contains("expected a JSON array"), top.getMessage());
    }

    @Test
    void messagesStayUnderTheByteLimitWhenTheyHoldMoreThanOneRecord() throws IOException {
        String line = "x".repeat(40) + "\n";
        List<FileChunker.Chunk> chunks = new ArrayList<>();
        byte[] data = line.repeat(10).getBytes(StandardCharsets.UTF_8);
        try (FileChunker c = FileChunker.open(new ByteArrayInputStream(data), SourceFormat.JSONL, false, 100, 100)) {
            c.forEachRemaining(chunks::add);
        }
        assertEquals(5, chunks.size());
        chunks.forEach(ch -> assertTrue(ch.value().length <= 100));
    }

    @Test
    void bytesPassThroughUnchanged() throws IOException {
        byte[] data = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '(', '"', '}', '\n'}; // invalid UTF-8 kept
        List<FileChunker.Chunk> chunks = FileChunker.chunkAll(data, SourceFormat.JSONL, false, 10);
        assertArrayEquals(data, chunks.get(0).value());
    }

    @Test
    void countsRecordsOfFiles(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("a.csv");
        Files.writeString(csv, "t,l\n\"a\nb\",1\nc,2\n");
        assertEquals(2, FileChunker.countRecords(csv, SourceFormat.CSV, true));
        Path json = dir.resolve("a.json");
        Files.writeString(json, "[{\"a\":[1,2]},{\"b\":{}},{}]");
        assertEquals(3, FileChunker.countRecords(json, SourceFormat.JSON, false));
        Path conll = dir.resolve("a.conll");
        Files.writeString(conll, "a\tX\n\nb\tX\nc\tX\n\n\n");
        assertEquals(2, FileChunker.countRecords(conll, SourceFormat.CONLL, false));
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "[{\"a\":1},\n{\"b\":");
        IOException e = assertThrows(IOException.class,
                () -> FileChunker.countRecords(broken, SourceFormat.JSON, false));
        assertTrue(e.getMessage().startsWith("json: not valid JSON at line 2"), e.getMessage());
        Path empty = dir.resolve("e.json");
        Files.writeString(empty, "");
        assertEquals(0, FileChunker.countRecords(empty, SourceFormat.JSON, false));
    }
}
