package io.multitune.dataprep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.DatasetSpec;
import io.multitune.events.ExampleInput;
import io.multitune.events.ExampleTarget;
import io.multitune.events.RejectReason;
import io.multitune.events.SourceFormat;
import io.multitune.events.SourcePosition;
import io.multitune.events.Split;
import io.multitune.events.StandardExample;
import io.multitune.events.TaskType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExampleStandardiserTest {
    private static final SourcePosition POSITION = new SourcePosition("multitune.data.raw", 2, 40L, 3, null);

    private static DatasetSpec classification() {
        return Specs.of(TaskType.TEXT_CLASSIFICATION, SourceFormat.JSONL)
                .labels("negative", "positive").labelMapping(Map.of("0", "negative", "1", "positive")).build();
    }

    private static Candidate ok(DatasetSpec spec, Map<String, Object> fields) {
        Standardised s = new ExampleStandardiser(spec).standardise(fields, POSITION);
        return assertInstanceOf(Standardised.Ok.class, s, () -> "expected ok but got " + s).candidate();
    }

    private static Rejection rejected(DatasetSpec spec, Map<String, Object> fields, RejectReason reason, String field) {
        Standardised s = new ExampleStandardiser(spec).standardise(fields, POSITION);
        Rejection r = assertInstanceOf(Standardised.Rejected.class, s, () -> "expected a rejection but got " + s)
                .rejection();
        assertEquals(reason, r.reason(), r.message());
        assertEquals(field, r.field(), r.message());
        assertTrue(r.message().startsWith("field " + field + ": "), r.message());
        return r;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    // ---- the six task types

    @Test
    void textClassificationNormalisesMapsLabelsAndFillsTheExample() {
        DatasetSpec spec = Specs.of(TaskType.TEXT_CLASSIFICATION, SourceFormat.JSONL).labels("negative", "positive")
                .labelMapping(Map.of("0", "negative", "1", "positive")).domain("movies").groupFields("gender").build();
        Candidate c = ok(spec, map("text", "  Cafe\u0301\n\tgood ", "label", 1L, "gender", " f ", "id", 17L,
                "split", "dev"));
        StandardExample e = c.example();
        assertEquals(StandardExample.SCHEMA_VERSION, e.schemaVersion());
        assertEquals(ExampleInput.text("Café good"), e.input());
        assertEquals(ExampleTarget.label("positive"), e.target());
        assertEquals(ExampleIds.exampleId("ds", e.input(), e.target()), e.id());
        assertEquals("ds", e.datasetId());
        assertEquals("task", e.taskId());
        assertEquals(TaskType.TEXT_CLASSIFICATION, e.taskType());
        assertEquals(Split.VALIDATION, e.split());
        assertEquals("movies", e.domain());
        assertEquals(Map.of("gender", "f"), e.groups());
        assertEquals("en", e.language());
        assertEquals(new SourcePosition("multitune.data.raw", 2, 40L, 3, "17"), e.source());
        assertEquals(ExampleIds.inputKey(e.input()), c.inputKey());
        assertEquals("positive", c.stratum());
    }

    @Test
    void textPairClassificationReadsRenamedFields() {
        DatasetSpec spec = Specs.of(TaskType.TEXT_PAIR_CLASSIFICATION, SourceFormat.CSV)
                .fields(Map.of("text", "premise", "textPair", "hypothesis", "domain", "genre")).build();
        Candidate c = ok(spec, map("premise", "A man sleeps.", "hypothesis", "Nobody sleeps.", "label", "contradiction",
                "genre", "fiction"));
        assertEquals(ExampleInput.pair("A man sleeps.", "Nobody sleeps."), c.example().input());
        assertEquals("contradiction", c.stratum());
        assertEquals("fiction", c.example().domain());
        assertNull(c.example().split());
    }

    @Test
    void tokenClassificationFromJsonArraysAndFromSpaceSeparatedStrings() {
        DatasetSpec spec = Specs.of(TaskType.TOKEN_CLASSIFICATION, SourceFormat.JSONL).build();
        Candidate fromArrays = ok(spec, map("tokens", List.of("EU", " rejects ", "Ge\u0301rman"),
                "tags", List.of("B-ORG", "O", "B-MISC")));
        assertEquals(ExampleInput.tokens(List.of("EU", "rejects", "Gérman")), fromArrays.example().input());
        assertEquals(ExampleTarget.tags(List.of("B-ORG", "O", "B-MISC")), fromArrays.example().target());
        assertNull(fromArrays.stratum());
        Candidate fromStrings = ok(spec, map("tokens", " EU  rejects\tGe\u0301rman", "tags", "B-ORG O B-MISC"));
        assertEquals(fromArrays.example().id(), fromStrings.example().id());
    }

    @Test
    void regressionAcceptsNumbersAndNumericStringsAndAnOptionalPair() {
        DatasetSpec spec = Specs.of(TaskType.REGRESSION, SourceFormat.CSV).build();
        Candidate single = ok(spec, map("text", "a", "value", " 3.5 "));
        assertEquals(ExampleTarget.value(3.5), single.example().target());
        assertEquals(ExampleInput.text("a"), single.example().input());
        Candidate pair = ok(spec, map("text", "a", "textPair", "b", "value", 2L));
        assertEquals(ExampleInput.pair("a", "b"), pair.example().input());
        assertEquals(2.0, pair.example().target().value());
        assertEquals(ExampleInput.text("a"), ok(spec, map("text", "a", "textPair", "", "value", 1)).example().input());
    }

    @Test
    void anOptionalDifficultyIsKeptForCurriculumSamplingAndMustBeANumber() {
        DatasetSpec spec = Specs.of(TaskType.TEXT_CLASSIFICATION, SourceFormat.JSONL).build();
        Candidate scored = ok(spec, map("text", "a", "label", "pos", "difficulty", " 0.75 "));
        assertEquals(0.75, scored.example().difficulty());
        assertNull(ok(spec, map("text", "a", "label", "pos")).example().difficulty());
        assertEquals(scored.example().id(), ok(spec, map("text", "a", "label", "pos", "difficulty", 2L)).example()
                .id(), "a score does not change which example it is");
        rejected(spec, map("text", "a", "label", "pos", "difficulty", "hard"), RejectReason.INVALID_VALUE,
                "difficulty");
    }

    @Test
    void extractiveQaFindsTheAnswerOrChecksTheGivenStart() {
        DatasetSpec spec = Specs.of(TaskType.EXTRACTIVE_QA, SourceFormat.JSONL).build();
        Candidate found = ok(spec, map("question", "Capital?", "context", "Paris is the capital. Paris!",
                "answerText", "Paris"));
        assertEquals(new ExampleTarget.AnswerSpan(0, 5, "Paris"), found.example().target().answer());
        assertEquals(ExampleInput.questionContext("Capital?", "Paris is the capital. Paris!"),
                found.example().input());
        Candidate given = ok(spec, map("question", "Capital?", "context", "Paris is the capital. Paris!",
                "answerText", "Paris", "answerStart", 22L));
        assertEquals(new ExampleTarget.AnswerSpan(22, 27, "Paris"), given.example().target().answer());
    }

    @Test
    void extractiveQaTranslatesARawOffsetShiftedByNormalisation() {
        DatasetSpec spec = Specs.of(TaskType.EXTRACTIVE_QA, SourceFormat.JSONL).build();
        String rawContext = "The  capital\n\n is   Paris.";
        Candidate c = ok(spec, map("question", "Capital?", "context", rawContext, "answerText", "Paris",
                "answerStart", (long) rawContext.indexOf("Paris")));
        assertEquals("The capital is Paris.", c.example().input().context());
        assertEquals(new ExampleTarget.AnswerSpan(15, 20, "Paris"), c.example().target().answer());
    }

    @Test
    void textToText() {
        DatasetSpec spec = Specs.of(TaskType.TEXT_TO_TEXT, SourceFormat.JSONL).build();
        Candidate c = ok(spec, map("text", "Hello", "target", " Bonjour "));
        assertEquals(ExampleInput.text("Hello"), c.example().input());
        assertEquals(ExampleTarget.text("Bonjour"), c.example().target());
    }

    // ---- ids

    @Test
    void reSentRecordsGetTheSameIdWhateverTheirPositionAndSpacing() {
        DatasetSpec spec = classification();
        ExampleStandardiser s = new ExampleStandardiser(spec);
        Candidate a = ((Standardised.Ok) s.standardise(map("text", "Good  film", "label", "positive"),
                POSITION)).candidate();
        Candidate b = ((Standardised.Ok) s.standardise(map("text", " Good film\n", "label", "1", "split", "test"),
                new SourcePosition("t", 0, 99L, 0, null))).candidate();
        assertEquals(a.example().id(), b.example().id());
        assertEquals(a.inputKey(), b.inputKey());
    }

    @Test
    void numericLabelsMapThroughTheirPlainForm() {
        DatasetSpec spec = classification();
        assertEquals("negative", ok(spec, map("text", "x", "label", 0.0)).stratum());
        assertEquals("positive", ok(spec, map("text", "x", "label", 1L)).stratum());
        assertEquals("positive", ok(spec, map("text", "x", "label", " positive ")).stratum());
    }

    @Test
    void aNumberWhereATextIsRequiredUsesItsStringForm() {
        DatasetSpec spec = Specs.of(TaskType.TEXT_CLASSIFICATION, SourceFormat.JSONL).build();
        assertEquals(ExampleInput.text("42"), ok(spec, map("text", 42L, "label", true)).example().input());
        assertEquals("true", ok(spec, map("text", 42L, "label", true)).stratum());
    }

    @Test
    void domainFromTheRecordOverridesTheSpecAndAbsentGroupsAreLeftOut() {
        DatasetSpec spec = Specs.of(TaskType.TEXT_CLASSIFICATION, SourceFormat.JSONL).domain("news")
                .groupFields("gender", "age").build();
        StandardExample e = ok(spec, map("text", "x", "label", "a", "domain", "sport", "age", 30L)).example();
        assertEquals("sport", e.domain());
        assertEquals(Map.of("age", "30"), e.groups());
        assertNull(ok(Specs.of(TaskType.TEXT_CLASSIFICATION, SourceFormat.JSONL).build(),
                map("text", "x", "label", "a")).example().domain());
    }

    // ---- every reason the standardiser gives

    @Test
    void missingField() {
        Rejection r = rejected(classification(), map("text", "x"), RejectReason.MISSING_FIELD, "label");
        assertEquals("field label: missing", r.message());
        rejected(classification(), map("text", null, "label", "1"), RejectReason.MISSING_FIELD, "text");
        DatasetSpec renamed = Specs.of(TaskType.TEXT_CLASSIFICATION, SourceFormat.JSONL)
                .fields(Map.of("label", "sentiment")).build();
        assertTrue(rejected(renamed, map("text", "x", "label", "a"), RejectReason.MISSING_FIELD, "label")
                .message().contains("'sentiment'"));
    }

    @Test
    void emptyField() {
        rejected(classification(), map("text", " \u200B\n", "label", "1"), RejectReason.EMPTY_FIELD, "text");
        DatasetSpec tokens = Specs.of(TaskType.TOKEN_CLASSIFICATION, SourceFormat.JSONL).build();
        rejected(tokens, map("tokens", List.of(), "tags", List.of()), RejectReason.EMPTY_FIELD, "tokens");
        rejected(tokens, map("tokens", List.of("a", " "), "tags", List.of("O", "O")), RejectReason.EMPTY_FIELD,
                "tokens");
        rejected(Specs.of(TaskType.REGRESSION, SourceFormat.CSV).build(), map("text", "a", "value", " "),
                RejectReason.EMPTY_FIELD, "value");
    }

    @Test
    void invalidValue() {
        DatasetSpec regression = Specs.of(TaskType.REGRESSION, SourceFormat.JSONL).build();
        rejected(regression, map("text", "a", "value", "high"), RejectReason.INVALID_VALUE, "value");
        rejected(regression, map("text", "a", "value", "NaN"), RejectReason.INVALID_VALUE, "value");
        rejected(regression, map("text", "a", "value", 1e308 * 10), RejectReason.INVALID_VALUE, "value");
        rejected(regression, map("text", "a", "value", List.of(1)), RejectReason.INVALID_VALUE, "value");
        rejected(classification(), map("text", "a", "label", "1", "split", "holdout"), RejectReason.INVALID_VALUE,
                "split");
        rejected(classification(), map("text", Map.of("a", 1), "label", "1"), RejectReason.INVALID_VALUE, "text");
        rejected(Specs.of(TaskType.EXTRACTIVE_QA, SourceFormat.JSONL).build(),
                map("question", "q", "context", "c a", "answerText", "a", "answerStart", 1.5),
                RejectReason.INVALID_VALUE, "answerStart");
    }

    @Test
    void unknownLabel() {
        Rejection r = rejected(classification(), map("text", "a", "label", "meh"), RejectReason.UNKNOWN_LABEL,
                "label");
        assertEquals("field label: 'meh' is not in the label set [negative, positive]", r.message());
        rejected(classification(), map("text", "a", "label", 2L), RejectReason.UNKNOWN_LABEL, "label");
        DatasetSpec ner = Specs.of(TaskType.TOKEN_CLASSIFICATION, SourceFormat.JSONL).labels("O", "B-PER").build();
        rejected(ner, map("tokens", "a b", "tags", "O B-ORG"), RejectReason.UNKNOWN_LABEL, "tags");
    }

    @Test
    void tokenTagMismatch() {
        DatasetSpec spec = Specs.of(TaskType.TOKEN_CLASSIFICATION, SourceFormat.CSV).build();
        Rejection r = rejected(spec, map("tokens", "a b c", "tags", "O O"), RejectReason.TOKEN_TAG_MISMATCH, "tags");
        assertEquals("field tags: 3 tokens but 2 tags", r.message());
    }

    @Test
    void spanOutsideContext() {
        DatasetSpec spec = Specs.of(TaskType.EXTRACTIVE_QA, SourceFormat.JSONL).build();
        rejected(spec, map("question", "q", "context", "Paris is big", "answerText", "Lyon"),
                RejectReason.SPAN_OUTSIDE_CONTEXT, "answerText");
        rejected(spec, map("question", "q", "context", "Paris is big", "answerText", "Paris", "answerStart", 9L),
                RejectReason.SPAN_OUTSIDE_CONTEXT, "answerStart");
        rejected(spec, map("question", "q", "context", "Paris is big", "answerText", "Paris", "answerStart", -1L),
                RejectReason.SPAN_OUTSIDE_CONTEXT, "answerStart");
        rejected(spec, map("question", "q", "context", "Paris is big", "answerText", "Paris", "answerStart", 2),
                RejectReason.SPAN_OUTSIDE_CONTEXT, "answerStart");
    }

    @Test
    void textTooLongIncludingJoinedTokens() {
        DatasetSpec spec = Specs.of(TaskType.TEXT_CLASSIFICATION, SourceFormat.JSONL).maxTextChars(5).build();
        ok(spec, map("text", "  abcde  ", "label", "x"));
        Rejection r = rejected(spec, map("text", "abcdef", "label", "x"), RejectReason.TEXT_TOO_LONG, "text");
        assertEquals("field text: 6 characters, longer than the limit of 5", r.message());
        DatasetSpec tokens = Specs.of(TaskType.TOKEN_CLASSIFICATION, SourceFormat.JSONL).maxTextChars(5).build();
        ok(tokens, map("tokens", List.of("ab", "cd"), "tags", List.of("O", "O")));
        rejected(tokens, map("tokens", List.of("ab", "cde"), "tags", List.of("O", "O")), RejectReason.TEXT_TOO_LONG,
                "tokens");
    }

    @Test
    void checksRunMissingThenEmptyThenTooLongThenLabel() {
        DatasetSpec spec = Specs.of(TaskType.TEXT_PAIR_CLASSIFICATION, SourceFormat.JSONL).labels("a")
                .maxTextChars(3).build();
        rejected(spec, map("text", "toolong", "textPair", "", "label", "zzz"), RejectReason.EMPTY_FIELD, "textPair");
        rejected(spec, map("text", "toolong", "textPair", "ok"), RejectReason.MISSING_FIELD, "label");
        rejected(spec, map("text", "toolong", "textPair", "ok", "label", "zzz"), RejectReason.TEXT_TOO_LONG, "text");
        rejected(spec, map("text", "ok", "textPair", "ok", "label", "zzz"), RejectReason.UNKNOWN_LABEL, "label");
    }

    @Test
    void aNullFieldMapIsMissingEverything() {
        rejected(classification(), null, RejectReason.MISSING_FIELD, "text");
    }
}
