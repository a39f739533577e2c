package io.multitune.training.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.multitune.encoder.weights.WeightTensor;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Float32 tensors in the <a href="https://huggingface.co/docs/safetensors">safetensors</a> layout, so that tools
 * outside multitune (Python's {@code safetensors}, PyTorch, PEFT scripts) read the file without our code: an
 * unsigned little-endian 64-bit header size N, N bytes of UTF-8 JSON ({@code name → {dtype, shape, data_offsets}}
 * plus a string-to-string {@code __metadata__}; padded with spaces to a multiple of 8 bytes), then the raw
 * little-endian values, tensor after tensor without gaps. Values are copied bit for bit: a read tensor equals the
 * written one exactly. Only {@code F32} is written or read.
 */
public final class SafeTensors {

    public static final String METADATA = "__metadata__";
    private static final long MAX_HEADER = 100L << 20;
    private static final int CHUNK = 1 << 16;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SafeTensors() {
    }

    /** A file's metadata and tensors, in data order. */
    public record Contents(Map<String, String> metadata, Map<String, WeightTensor> tensors) {
        public Contents {
            metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
            tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        }
    }

    /** Writes the tensors in map order, with the metadata (may be empty). */
    public static void write(Path file, Map<String, WeightTensor> tensors, Map<String, String> metadata)
            throws IOException {
        ObjectNode header = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = header.putObject(METADATA);
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (Map.Entry<String, WeightTensor> e : tensors.entrySet()) {
            if (e.getKey().equals(METADATA)) {
                throw new IllegalArgumentException("a tensor may not be called " + METADATA);
            }
            WeightTensor t = e.getValue();
            ObjectNode entry = header.putObject(e.getKey());
            entry.put("dtype", "F32");
            ArrayNode shape = entry.putArray("shape");
            for (long d : t.shape()) {
                shape.add(d);
            }
            long end = offset + (long) t.size() * Float.BYTES;
            entry.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        byte[] json = JSON.writeValueAsBytes(header);
        int padded = (json.length + 7) / 8 * 8;
        byte[] headerBytes = new byte[padded];
        System.arraycopy(json, 0, headerBytes, 0, json.length);
        for (int i = json.length; i < padded; i++) {
            headerBytes[i] = ' ';
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            ByteBuffer size = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            size.putLong(padded);
            out.write(size.array());
            out.write(headerBytes);
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (WeightTensor t : tensors.values()) {
                float[] values = t.values();
                for (int from = 0; from < values.length; from += CHUNK) {
                    int n = Math.min(CHUNK, values.length - from);
                    buffer.clear();
                    buffer.asFloatBuffer().put(values, from, n);
                    out.write(buffer.array(), 0, n * Float.BYTES);
                }
            }
        }
    }

    /**
     * Reads a file written by {@link #write} or by any safetensors writer, as long as every tensor is F32.
     *
     * @throws IOException when the file is truncated, its header is malformed, a tensor is not F32, or the data
     *                     offsets leave gaps, overlap or disagree with the shapes
     */
    public static Contents read(Path file) throws IOException {
        long fileSize = Files.size(file);
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 20))) {
            byte[] sizeBytes = new byte[Long.BYTES];
            in.readFully(sizeBytes);
            long headerSize = ByteBuffer.wrap(sizeBytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (headerSize <= 0 || headerSize > MAX_HEADER || Long.BYTES + headerSize > fileSize) {
                throw new IOException(file + " is not a safetensors file (header size " + headerSize + ")");
            }
            byte[] headerBytes = new byte[(int) headerSize];
            in.readFully(headerBytes);
            JsonNode header;
            try {
                header = JSON.readTree(new String(headerBytes, StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                throw new IOException(file + " has a malformed safetensors header: " + e.getMessage(), e);
            }
            if (header == null || !header.isObject()) {
                throw new IOException(file + " has a malformed safetensors header: not a JSON object");
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            List<Entry> entries = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().equals(METADATA)) {
                    field.getValue().fields().forEachRemaining(m -> metadata.put(m.getKey(), m.getValue().asText()));
                } else {
                    entries.add(entry(file, field.getKey(), field.getValue()));
                }
            }
            entries.sort(Comparator.comparingLong(Entry::begin));
            long expected = 0;
            for (Entry e : entries) {
                if (e.begin() != expected) {
                    throw new IOException(file + ": tensor " + e.name() + " starts at byte " + e.begin()
                            + ", expected " + expected + " (gap or overlap)");
                }
                expected = e.end();
            }
            if (Long.BYTES + headerSize + expected != fileSize) {
                throw new IOException(file + " holds " + (fileSize - Long.BYTES - headerSize) + " data bytes, its "
                        + "header describes " + expected);
            }
            Map<String, WeightTensor> tensors = new LinkedHashMap<>();
            byte[] bytes = new byte[CHUNK * Float.BYTES];
            ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            for (Entry e : entries) {
                float[] values = new float[Math.toIntExact((e.end() - e.begin()) / Float.BYTES)];
                for (int from = 0; from < values.length; from += CHUNK) {
                    int n = Math.min(CHUNK, values.length - from);
                    in.readFully(bytes, 0, n * Float.BYTES);
                    buffer.clear();
                    buffer.asFloatBuffer().get(values, from, n);
                }
                tensors.put(e.name(), new WeightTensor(e.shape(), values));
            }
            return new Contents(metadata, tensors);
        } catch (EOFException e) {
            throw new IOException(file + " is truncated", e);
        }
    }

    private record Entry(String name, long[] shape, long begin, long end) {
    }

    private static Entry entry(Path file, String name, JsonNode node) throws IOException {
        String dtype = node.path("dtype").asText("");
        if (!dtype.equals("F32")) {
            throw new IOException(file + ": tensor " + name + " has dtype '" + dtype + "', only F32 is supported");
        }
        JsonNode shapeNode = node.path("shape");
        JsonNode offsets = node.path("data_offsets");
        if (!shapeNode.isArray() || !offsets.isArray() || offsets.size() != 2) {
            throw new IOException(file + ": tensor " + name + " lacks a shape or its two data offsets");
        }
        long[] shape = new long[shapeNode.size()];
        long size = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asLong(-1);
            if (shape[i] < 0) {
                throw new IOException(file + ": tensor " + name + " has a negative or non-numeric dimension");
            }
            size = Math.multiplyExact(size, shape[i]);
        }
        long begin = offsets.get(0).asLong(-1);
        long end = offsets.get(1).asLong(-1);
        if (begin < 0 || end - begin != size * Float.BYTES) {
            throw new IOException(file + ": tensor " + name + " has data offsets [" + begin + ", " + end
                    + "] for " + size + " float32 values");
        }
        return new Entry(name, shape, begin, end);
    }
}
