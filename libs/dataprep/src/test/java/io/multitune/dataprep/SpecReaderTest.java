package io.multitune.dataprep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.DatasetSpec;
import io.multitune.events.RejectReason;
import io.multitune.events.SourceFormat;
import io.multitune.events.SplitRatios;
import io.multitune.events.TaskType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SpecReaderTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Set<String> fields(List<Rejection> problems) {
        problems.forEach(p -> assertEquals(RejectReason.INVALID_SPEC, p.reason(), p.message()));
        return problems.stream().map(Rejection::field).collect(Collectors.toSet());
    }

    @Test
    void readsJson() {
        DatasetSpec spec = SpecReader.read(bytes("""
                {"datasetId": "imdb", "taskId": "sentiment", "taskType": "text-classification", "format": "jsonl",
                 "fields": {"label": "class"}, "labels": ["negative", "positive"],
                 "labelMapping": {"0": "negative", "1": "positive"}, "splitRatios": {"train": 0.8, "validation": 0.1,
                 "test": 0.1}, "maxTextChars": 5000, "someFutureProperty": true}
                """));
        assertEquals(new DatasetSpec("imdb", "sentiment", TaskType.TEXT_CLASSIFICATION, SourceFormat.JSONL,
                Map.of("label", "class"), List.of("negative", "positive"), Map.of("0", "negative", "1", "positive"),
                null, new SplitRatios(0.8, 0.1, 0.1), null, null, null, null, null, null, 5000), spec);
        assertEquals(List.of(), SpecReader.validate(spec));
    }

    @Test
    void readsYaml() {
        DatasetSpec spec = SpecReader.read(bytes("""
                datasetId: conll2003
                taskId: ner
                taskType: token-classification
                format: conll
                tagColumn: 3
                labels: [O, B-PER, I-PER]
                """));
        assertEquals(TaskType.TOKEN_CLASSIFICATION, spec.taskType());
        assertEquals(SourceFormat.CONLL, spec.format());
        assertEquals(3, spec.tagColumn());
        assertEquals(List.of("O", "B-PER", "I-PER"), spec.labels());
        assertEquals(List.of(), SpecReader.validate(spec));
    }

    @Test
    void unknownTaskTypeAndFormatAreBothReportedWithTheAllowedValues() {
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.read(bytes(
                "{\"datasetId\":\"d\",\"taskId\":\"t\",\"taskType\":\"summarise\",\"format\":\"xml\"}")));
        assertEquals(Set.of("taskType", "format"), fields(e.problems()));
        assertTrue(e.problems().get(0).message().contains("text-classification"), e.getMessage());
        assertTrue(e.problems().get(1).message().contains("jsonl"), e.getMessage());
    }

    @Test
    void unparsableInputIsAProblemOfTheValue() {
        for (String bad : List.of("", "{\"datasetId\": ", "[1, 2]", "- just\n- a list", "key: [unclosed")) {
            SpecException e = assertThrows(SpecException.class, () -> SpecReader.read(bytes(bad)), bad);
            assertEquals(Set.of("value"), fields(e.problems()), bad);
        }
        assertEquals(Set.of("value"), fields(assertThrows(SpecException.class,
                () -> SpecReader.read(new byte[] {'{', (byte) 0xFF, '}'})).problems()));
    }

    @Test
    void aPropertyOfTheWrongTypeNamesItsField() {
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.read(bytes(
                "{\"datasetId\":\"d\",\"taskId\":\"t\",\"taskType\":\"regression\",\"format\":\"csv\","
                        + "\"tokenColumn\":\"first\"}")));
        assertEquals(Set.of("tokenColumn"), fields(e.problems()));
    }

    @Test
    void validateReportsEveryProblem() {
        DatasetSpec spec = new DatasetSpec("bad id!", null, TaskType.TEXT_CLASSIFICATION, SourceFormat.CONLL, null,
                List.of("a", "a "), Map.of("x", "zzz"), null, new SplitRatios(-1, 0, 0), null, null, null, null, -1,
                -2, 0);
        List<Rejection> problems = SpecReader.validate(spec);
        assertEquals(Set.of("datasetId", "taskId", "format", "splitRatios.train", "splitRatios", "labels",
                "labelMapping.x", "maxTextChars", "tokenColumn", "tagColumn"), fields(problems));
        problems.forEach(p -> assertTrue(p.message().startsWith("field " + p.field() + ": "), p.message()));
    }

    @Test
    void validateNeedsKindsLabelsAndColumns() {
        DatasetSpec noKinds = new DatasetSpec("d", "t", null, null, null, List.of(), null, null, null, null, null,
                null, null, null, null, null);
        assertEquals(Set.of("taskType", "format", "labels"), fields(SpecReader.validate(noKinds)));
        DatasetSpec headerless = Specs.of(TaskType.TEXT_CLASSIFICATION, SourceFormat.TSV).header(false).build();
        assertEquals(Set.of("columns"), fields(SpecReader.validate(headerless)));
        DatasetSpec longId = Specs.of(TaskType.REGRESSION, SourceFormat.JSON).datasetId("x".repeat(129)).build();
        assertEquals(Set.of("datasetId"), fields(SpecReader.validate(longId)));
        assertEquals(List.of(), SpecReader.validate(Specs.of(TaskType.REGRESSION, SourceFormat.JSON)
                .datasetId("x".repeat(128)).build()));
    }
}
