package io.multitune.dataprep;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.multitune.events.RejectReason;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON Lines: one object per line. Lines are checked one at a time, so one bad line (invalid UTF-8, broken JSON)
 * costs only that record. Blank lines are skipped and not counted.
 */
final class JsonlFormat implements FormatParser {

    @Override
    public List<RawUnit> parse(byte[] value) {
        List<RawUnit> units = new ArrayList<>();
        int start = Utf8.bomLength(value);
        while (start <= value.length) {
            int newline = Bytes.indexOf(value, (byte) '\n', start);
            int end = newline < 0 ? value.length : newline;
            int contentEnd = end > start && value[end - 1] == '\r' ? end - 1 : end;
            if (!isBlank(value, start, contentEnd)) {
                units.add(parseLine(units.size(), value, start, contentEnd - start));
            }
            start = end + 1;
        }
        return units;
    }

    private static RawUnit parseLine(int index, byte[] bytes, int off, int len) {
        String text = Utf8.decode(bytes, off, len);
        if (text == null) {
            return Malformations.invalidUtf8(index, bytes, off, len);
        }
        try (JsonParser p = JsonValues.FACTORY.createParser(bytes, off, len)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                return malformed(index, text, "line is " + JsonValues.kindOf(first) + ", not a JSON object");
            }
            Map<String, Object> fields = JsonValues.readObject(p);
            if (p.nextToken() != null) {
                return malformed(index, text, "unexpected content after the JSON object");
            }
            return new RawUnit.Parsed(index, text, fields);
        } catch (JsonProcessingException e) {
            return malformed(index, text, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return malformed(index, text, "not valid JSON: " + e.getMessage());
        }
    }

    private static RawUnit malformed(int index, String text, String problem) {
        return Malformations.text(index, text, RejectReason.MALFORMED_JSON, Malformations.VALUE, problem);
    }

    private static boolean isBlank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
