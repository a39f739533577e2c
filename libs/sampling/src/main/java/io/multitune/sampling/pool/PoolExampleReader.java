package io.multitune.sampling.pool;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.multitune.events.Split;
import io.multitune.events.StandardExample;
import java.io.IOException;

/**
 * Reads the few fields of a standard example's JSON that sampling decides on, in one streaming pass, without
 * building the example: input texts are measured (their length in UTF-16 units, as {@link String#length()}) but
 * never turned into strings. Pools hold every example of every dataset, so this is the sampler's per-example cost;
 * a test checks it against a full decode of every input and target shape.
 */
public final class PoolExampleReader {
    private static final JsonFactory JSON = new JsonFactory();

    private PoolExampleReader() {
    }

    /**
     * @throws IllegalArgumentException naming the field when the JSON is malformed or not a readable version-1 example
     */
    public static PoolExample read(byte[] json) {
        return read(json, ExampleBytes::of);
    }

    /**
     * Reads an example and keeps its JSON where {@code keep} puts it (e.g. {@link ExampleSlabs#append}), after the
     * fields were read, so a malformed example is never stored.
     */
    public static PoolExample read(byte[] json, java.util.function.Function<byte[], ExampleBytes> keep) {
        try (JsonParser p = JSON.createParser(json)) {
            return read(p, json, keep);
        } catch (IOException e) {
            throw new IllegalArgumentException("example JSON: " + e.getMessage(), e);
        }
    }

    private static PoolExample read(JsonParser p, byte[] json, java.util.function.Function<byte[], ExampleBytes> keep)
            throws IOException {
        expect(p.nextToken() == JsonToken.START_OBJECT, "body must be a JSON object");
        Fields f = new Fields();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "schemaVersion" -> f.version = p.getIntValue();
                case "id" -> f.id = p.getText();
                case "datasetId" -> f.datasetId = p.getText().intern();
                case "split" -> f.split = Split.parse(p.getText());
                case "difficulty" -> f.difficulty = value == JsonToken.VALUE_NULL ? null : p.getDoubleValue();
                case "input" -> readInput(p, f);
                case "target" -> readTarget(p, f);
                default -> p.skipChildren();
            }
        }
        expect(f.version == StandardExample.SCHEMA_VERSION, "field schemaVersion: version " + f.version
                + " is not supported by this reader (supported: " + StandardExample.SCHEMA_VERSION + ")");
        expect(f.id != null, "field id: missing");
        expect(f.datasetId != null, "field datasetId: missing");
        expect(f.split != null, "field split: missing");
        return new PoolExample(f.id, f.datasetId, f.split, f.label, f.length + Math.max(0, f.pieces - 1),
                f.difficulty, keep.apply(json));
    }

    private static void readInput(JsonParser p, Fields f) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_STRING) {
                f.measure(p);
            } else if (value == JsonToken.START_ARRAY) {
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (p.currentToken() == JsonToken.VALUE_STRING) {
                        f.measure(p);
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private static void readTarget(JsonParser p, Fields f) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("label") && value == JsonToken.VALUE_STRING) {
                // Labels and dataset ids repeat across a whole pool: one instance each instead of one per example.
                f.label = p.getText().intern();
            } else {
                p.skipChildren();
            }
        }
    }

    private static void expect(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("example JSON: " + message);
        }
    }

    private static final class Fields {
        int version = -1;
        String id;
        String datasetId;
        Split split;
        String label;
        Double difficulty;
        int length;
        int pieces;

        void measure(JsonParser p) throws IOException {
            length += p.getTextLength();
            pieces++;
        }
    }
}
