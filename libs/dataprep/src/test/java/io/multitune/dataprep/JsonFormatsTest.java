package io.multitune.dataprep;

import static io.multitune.dataprep.ParserAssertions.malformed;
import static io.multitune.dataprep.ParserAssertions.parse;
import static io.multitune.dataprep.ParserAssertions.parsed;
import static io.multitune.dataprep.ParserAssertions.withInvalidByte;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.DatasetSpec;
import io.multitune.events.RejectReason;
import io.multitune.events.SourceFormat;
import io.multitune.events.TaskType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonFormatsTest {
    private final DatasetSpec jsonl = Specs.of(TaskType.TEXT_CLASSIFICATION, SourceFormat.JSONL).build();
    private final DatasetSpec json = Specs.of(TaskType.TEXT_CLASSIFICATION, SourceFormat.JSON).build();

    @Test
    void jsonlReadsEveryLineAndSkipsBlankOnes() {
        List<RawUnit> units = parse(jsonl, "{\"text\":\"a\",\"label\":1}\r\n\n   \n{\"text\":\"b\",\"n\":null}\n");
        assertEquals(2, units.size());
        RawUnit.Parsed first = parsed(units.get(0));
        assertEquals(0, first.index());
        assertEquals("{\"text\":\"a\",\"label\":1}", first.text());
        assertEquals(Map.of("text", "a", "label", 1L), first.fields());
        RawUnit.Parsed second = parsed(units.get(1));
        assertEquals(1, second.index());
        assertTrue(second.fields().containsKey("n"));
        assertNull(second.fields().get("n"));
    }

    @Test
    void jsonlValuesBecomePlainJavaValues() {
        RawUnit.Parsed p = parsed(parse(jsonl,
                "{\"s\":\"x\",\"i\":3,\"d\":0.5,\"b\":true,\"l\":[1,\"two\"],\"o\":{\"k\":false},"
                        + "\"big\":123456789012345678901234567890}").get(0));
        assertEquals("x", p.fields().get("s"));
        assertEquals(3L, p.fields().get("i"));
        assertEquals(0.5, p.fields().get("d"));
        assertEquals(Boolean.TRUE, p.fields().get("b"));
        assertEquals(List.of(1L, "two"), p.fields().get("l"));
        assertEquals(Map.of("k", false), p.fields().get("o"));
        assertEquals(new BigDecimal("123456789012345678901234567890"), p.fields().get("big"));
    }

    @Test
    void jsonlRejectsBadLinesOnlyAndKeepsCountingThem() {
        List<RawUnit> units = parse(jsonl, "{\"text\":\"a\"}\n{broken\n[1,2]\n{\"a\":1} trailing\n{\"text\":\"b\"}");
        assertEquals(5, units.size());
        parsed(units.get(0));
        RawUnit.Malformed broken = malformed(units.get(1), RejectReason.MALFORMED_JSON);
        assertEquals(1, broken.index());
        assertEquals("{broken", broken.text());
        assertEquals("utf-8", broken.textEncoding());
        assertEquals("value", broken.rejection().field());
        assertTrue(broken.rejection().message().startsWith("field value: not valid JSON"),
                broken.rejection().message());
        assertTrue(malformed(units.get(2), RejectReason.MALFORMED_JSON).rejection().message().contains("an array"));
        malformed(units.get(3), RejectReason.MALFORMED_JSON);
        assertEquals(4, parsed(units.get(4)).index());
    }

    @Test
    void jsonlDetectsInvalidUtf8PerLine() {
        byte[] value = withInvalidByte("{\"text\":\"ok\"}\n{\"text\":\"bad", "\"}\n{\"text\":\"é\"}");
        List<RawUnit> units = RawPayloadParser.forSpec(jsonl).parse(value);
        assertEquals(3, units.size());
        parsed(units.get(0));
        RawUnit.Malformed bad = malformed(units.get(1), RejectReason.INVALID_UTF8);
        assertEquals("base64", bad.textEncoding());
        assertEquals("value", bad.rejection().field());
        byte[] line = Base64.getDecoder().decode(bad.text());
        assertEquals(15, line.length);
        assertEquals((byte) 0xFF, line[12]);
        assertEquals("é", parsed(units.get(2)).fields().get("text"));
    }

    @Test
    void jsonlKeepsAGenuineReplacementCharacter() {
        assertEquals("\uFFFD", parsed(parse(jsonl, "{\"text\":\"\uFFFD\"}").get(0)).fields().get("text"));
    }

    @Test
    void jsonlStripsAByteOrderMark() {
        assertEquals("a", parsed(parse(jsonl, "\uFEFF{\"text\":\"a\"}").get(0)).fields().get("text"));
    }

    @Test
    void emptyMessageHasNoRecords() {
        assertEquals(List.of(), parse(jsonl, ""));
        assertEquals(List.of(), RawPayloadParser.forSpec(jsonl).parse(null));
    }

    @Test
    void jsonArrayGivesOneRecordPerElementWithItsOwnText() {
        List<RawUnit> units = parse(json, "\uFEFF[ {\"text\":\"é1\"}, 42 ,{\"text\":\"x\",\"l\":[1]} ]");
        assertEquals(3, units.size());
        RawUnit.Parsed first = parsed(units.get(0));
        assertEquals("{\"text\":\"é1\"}", first.text());
        assertEquals("é1", first.fields().get("text"));
        RawUnit.Malformed number = malformed(units.get(1), RejectReason.MALFORMED_JSON);
        assertEquals(1, number.index());
        assertEquals("42", number.text());
        assertTrue(number.rejection().message().contains("a number, not a JSON object"));
        RawUnit.Parsed third = parsed(units.get(2));
        assertEquals(2, third.index());
        assertEquals("{\"text\":\"x\",\"l\":[1]}", third.text());
    }

    @Test
    void jsonElementTextsCoverStringsAndNestedArrays() {
        List<RawUnit> units = parse(json, "[\"x\",[1,[2]],{\"a\":{\"b\":[]}},null]");
        assertEquals("\"x\"", units.get(0).text());
        assertEquals("[1,[2]]", units.get(1).text());
        assertEquals("{\"a\":{\"b\":[]}}", parsed(units.get(2)).text());
        assertEquals("null", malformed(units.get(3), RejectReason.MALFORMED_JSON).text());
    }

    @Test
    void jsonSingleObjectIsOneRecord() {
        List<RawUnit> units = parse(json, " {\"text\":\"a\"}\n");
        assertEquals(1, units.size());
        assertEquals("{\"text\":\"a\"}", parsed(units.get(0)).text());
    }

    @Test
    void unparsableJsonIsOneMalformedRecord() {
        List<RawUnit> units = parse(json, "[{\"text\":\"a\"}, {\"text\":");
        assertEquals(1, units.size());
        RawUnit.Malformed m = malformed(units.get(0), RejectReason.MALFORMED_JSON);
        assertEquals(0, m.index());
        assertEquals("[{\"text\":\"a\"}, {\"text\":", m.text());
        malformed(parse(json, "\"just a string\"").get(0), RejectReason.MALFORMED_JSON);
        malformed(parse(json, "[] []").get(0), RejectReason.MALFORMED_JSON);
    }

    @Test
    void jsonWithInvalidUtf8IsRejectedWhole() {
        byte[] value = withInvalidByte("[{\"text\":\"a", "\"}]");
        List<RawUnit> units = RawPayloadParser.forSpec(json).parse(value);
        assertEquals(1, units.size());
        RawUnit.Malformed m = malformed(units.get(0), RejectReason.INVALID_UTF8);
        assertEquals("base64", m.textEncoding());
        assertEquals("value", m.rejection().field());
        assertEquals(new String(Base64.getDecoder().decode(m.text()), StandardCharsets.ISO_8859_1),
                new String(value, StandardCharsets.ISO_8859_1));
    }
}
