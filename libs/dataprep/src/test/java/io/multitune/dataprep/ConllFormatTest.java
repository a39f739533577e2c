package io.multitune.dataprep;

import static io.multitune.dataprep.ParserAssertions.malformed;
import static io.multitune.dataprep.ParserAssertions.parse;
import static io.multitune.dataprep.ParserAssertions.parsed;
import static io.multitune.dataprep.ParserAssertions.withInvalidByte;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.multitune.events.DatasetSpec;
import io.multitune.events.RejectReason;
import io.multitune.events.SourceFormat;
import io.multitune.events.TaskType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConllFormatTest {
    private final DatasetSpec conll = Specs.of(TaskType.TOKEN_CLASSIFICATION, SourceFormat.CONLL).build();

    @Test
    void sentencesWithCommentsTabsAndRunsOfSpaces() {
        String value = "-DOCSTART- -X- -X- O\n\n"
                + "# sent_id = 1\n"
                + "# text = EU rejects\n"
                + "EU\tNNP\tB-ORG\n"
                + "rejects   VBZ   O\r\n"
                + "\n\n"
                + "Peter NNP B-PER\n"
                + "# not a comment\tX\tO\n";
        List<RawUnit> units = parse(conll, value);
        assertEquals(2, units.size());
        RawUnit.Parsed first = parsed(units.get(0));
        assertEquals(0, first.index());
        assertEquals(Map.of("tokens", List.of("EU", "rejects"), "tags", List.of("B-ORG", "O")), first.fields());
        assertEquals("# sent_id = 1\n# text = EU rejects\nEU\tNNP\tB-ORG\nrejects   VBZ   O", first.text());
        RawUnit.Parsed second = parsed(units.get(1));
        assertEquals(1, second.index());
        assertEquals(List.of("Peter", "#"), second.fields().get("tokens"));
        assertEquals(List.of("B-PER", "O"), second.fields().get("tags"));
    }

    @Test
    void columnsAndSourceFieldsFollowTheSpec() {
        DatasetSpec spec = Specs.of(TaskType.TOKEN_CLASSIFICATION, SourceFormat.CONLL)
                .fields(Map.of("tokens", "words", "tags", "ner")).tokenColumn(1).tagColumn(2).build();
        RawUnit.Parsed p = parsed(parse(spec, "1 EU B-ORG extra\n2 rejects O extra\n").get(0));
        assertEquals(Map.of("words", List.of("EU", "rejects"), "ner", List.of("B-ORG", "O")), p.fields());
    }

    @Test
    void aLineWithTooFewColumnsRejectsItsWholeSentenceOnly() {
        List<RawUnit> units = parse(conll, "EU B-ORG\nrejects\nit O\n\nok O\n");
        assertEquals(2, units.size());
        RawUnit.Malformed bad = malformed(units.get(0), RejectReason.MALFORMED_CONLL);
        assertEquals("tags", bad.rejection().field());
        assertEquals("EU B-ORG\nrejects\nit O", bad.text());
        assertEquals("field tags: line 2 has 1 column(s), too few for the token column 0 and the tag column "
                + "(last, distinct)", bad.rejection().message());
        parsed(units.get(1));
    }

    @Test
    void tooFewColumnsForAnExplicitTokenColumn() {
        DatasetSpec spec = Specs.of(TaskType.TOKEN_CLASSIFICATION, SourceFormat.CONLL).tokenColumn(3).build();
        assertEquals("tokens", malformed(parse(spec, "a b c\n").get(0), RejectReason.MALFORMED_CONLL)
                .rejection().field());
    }

    @Test
    void conllWithInvalidUtf8IsRejectedWhole() {
        List<RawUnit> units = RawPayloadParser.forSpec(conll).parse(withInvalidByte("EU B-ORG\n", " O\n"));
        assertEquals(1, units.size());
        malformed(units.get(0), RejectReason.INVALID_UTF8);
    }
}
