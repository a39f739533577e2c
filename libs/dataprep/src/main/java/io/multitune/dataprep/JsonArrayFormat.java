package io.multitune.dataprep;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.multitune.events.RejectReason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON: a message holds one array of objects, or one object. An element that is not an object is rejected on its own;
 * a value that is not valid JSON as a whole is rejected as one record, since its record boundaries are unknown.
 */
final class JsonArrayFormat implements FormatParser {

    @Override
    public List<RawUnit> parse(byte[] value) {
        int off = Utf8.bomLength(value);
        int len = value.length - off;
        String whole = Utf8.decode(value, off, len);
        if (whole == null) {
            return List.of(Malformations.invalidUtf8(0, value, 0, value.length));
        }
        try (JsonParser p = JsonValues.FACTORY.createParser(value, off, len)) {
            return parseValue(p, value, off, whole);
        } catch (JsonProcessingException e) {
            return List.of(malformed(0, whole, "not valid JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            return List.of(malformed(0, whole, "not valid JSON: " + e.getMessage()));
        }
    }

    private static List<RawUnit> parseValue(JsonParser p, byte[] bytes, int off, String whole) throws IOException {
        JsonToken first = p.nextToken();
        List<RawUnit> units;
        if (first == JsonToken.START_OBJECT) {
            units = List.of(new RawUnit.Parsed(0, whole.strip(), JsonValues.readObject(p)));
        } else if (first == JsonToken.START_ARRAY) {
            units = parseElements(p, bytes, off);
        } else {
            return List.of(malformed(0, whole, "the value is " + JsonValues.kindOf(first)
                    + ", not a JSON array of objects or an object"));
        }
        if (p.nextToken() != null) {
            return List.of(malformed(0, whole, "unexpected content after the JSON value"));
        }
        return units;
    }

    private static List<RawUnit> parseElements(JsonParser p, byte[] bytes, int off) throws IOException {
        List<RawUnit> units = new ArrayList<>();
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            int index = units.size();
            int start = off + (int) p.currentTokenLocation().getByteOffset();
            Object element = JsonValues.readValue(p);
            int end = off + (int) p.currentLocation().getByteOffset();
            String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            if (token == JsonToken.START_OBJECT) {
                @SuppressWarnings("unchecked")
                var fields = (java.util.Map<String, Object>) element;
                units.add(new RawUnit.Parsed(index, text, fields));
            } else {
                units.add(malformed(index, text, "record " + index + " is " + JsonValues.kindOf(token)
                        + ", not a JSON object"));
            }
        }
        return units;
    }

    private static RawUnit malformed(int index, String text, String problem) {
        return Malformations.text(index, text, RejectReason.MALFORMED_JSON, Malformations.VALUE, problem);
    }
}
