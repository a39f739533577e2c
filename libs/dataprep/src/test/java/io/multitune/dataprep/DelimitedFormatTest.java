package io.multitune.dataprep;

import static io.multitune.dataprep.ParserAssertions.malformed;
import static io.multitune.dataprep.ParserAssertions.parse;
import static io.multitune.dataprep.ParserAssertions.parsed;
import static io.multitune.dataprep.ParserAssertions.withInvalidByte;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.DatasetSpec;
import io.multitune.events.RejectReason;
import io.multitune.events.SourceFormat;
import io.multitune.events.TaskType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DelimitedFormatTest {
    private final DatasetSpec csv = Specs.of(TaskType.TEXT_CLASSIFICATION, SourceFormat.CSV).build();
    private final DatasetSpec tsv = Specs.of(TaskType.TEXT_CLASSIFICATION, SourceFormat.TSV).build();

    @Test
    void csvWithQuotesDoubledQuotesEmbeddedNewlinesAndCrlf() {
        String value = "\uFEFFtext , label\r\n"
                + "\"Hello, \"\"world\"\"\",positive\r\n"
                + "\"two\r\nlines\",negative\r\n"
                + "plain,\"\"\r\n";
        List<RawUnit> units = parse(csv, value);
        assertEquals(3, units.size());
        RawUnit.Parsed first = parsed(units.get(0));
        assertEquals(Map.of("text", "Hello, \"world\"", "label", "positive"), first.fields());
        assertEquals("\"Hello, \"\"world\"\"\",positive", first.text());
        RawUnit.Parsed second = parsed(units.get(1));
        assertEquals("two\r\nlines", second.fields().get("text"));
        assertEquals("\"two\r\nlines\",negative", second.text());
        assertEquals(1, second.index());
        assertEquals(Map.of("text", "plain", "label", ""), parsed(units.get(2)).fields());
    }

    @Test
    void csvRowWithWrongFieldCountIsMalformedAlone() {
        List<RawUnit> units = parse(csv, "text,label\na,b,c\n\nd,e\nf\n");
        assertEquals(3, units.size());
        RawUnit.Malformed tooMany = malformed(units.get(0), RejectReason.MALFORMED_CSV);
        assertEquals("value", tooMany.rejection().field());
        assertEquals("a,b,c", tooMany.text());
        assertTrue(tooMany.rejection().message().contains("expected 2 fields"), tooMany.rejection().message());
        assertTrue(tooMany.rejection().message().contains("got 3"), tooMany.rejection().message());
        assertEquals(Map.of("text", "d", "label", "e"), parsed(units.get(1)).fields());
        assertEquals(1, units.get(1).index());
        malformed(units.get(2), RejectReason.MALFORMED_CSV);
    }

    @Test
    void unterminatedQuoteMakesTheRestOneMalformedRecord() {
        List<RawUnit> units = parse(csv, "text,label\nok,positive\n\"never closed,negative\nmore,rows\n");
        assertEquals(2, units.size());
        parsed(units.get(0));
        RawUnit.Malformed rest = malformed(units.get(1), RejectReason.MALFORMED_CSV);
        assertEquals("\"never closed,negative\nmore,rows\n", rest.text());
        assertTrue(rest.rejection().message().contains("unterminated quote"));
    }

    @Test
    void textAfterAClosingQuoteIsMalformed() {
        malformed(parse(csv, "text,label\n\"a\"b,c\n").get(0), RejectReason.MALFORMED_CSV);
    }

    @Test
    void headerlessCsvUsesTheSpecColumnsAndKeepsEmptyTrailingFields() {
        DatasetSpec spec = Specs.of(TaskType.TEXT_CLASSIFICATION, SourceFormat.CSV).columns("text", "label").build();
        List<RawUnit> units = parse(spec, "a,b\nc,\n");
        assertEquals(Map.of("text", "a", "label", "b"), parsed(units.get(0)).fields());
        assertEquals(Map.of("text", "c", "label", ""), parsed(units.get(1)).fields());
    }

    @Test
    void tsvUsesTabsWithTheSameQuotingRules() {
        List<RawUnit> units = parse(tsv, "text\tlabel\nhello, world\tpositive\n\"tab\tinside\"\tnegative");
        assertEquals(2, units.size());
        assertEquals(Map.of("text", "hello, world", "label", "positive"), parsed(units.get(0)).fields());
        assertEquals("tab\tinside", parsed(units.get(1)).fields().get("text"));
    }

    @Test
    void csvWithInvalidUtf8IsRejectedWhole() {
        List<RawUnit> units = RawPayloadParser.forSpec(csv).parse(withInvalidByte("text,label\na", ",b\n"));
        assertEquals(1, units.size());
        assertEquals("base64", malformed(units.get(0), RejectReason.INVALID_UTF8).textEncoding());
    }

    @Test
    void headerOnlyMessageHasNoRecords() {
        assertEquals(List.of(), parse(csv, "text,label\r\n"));
    }
}
