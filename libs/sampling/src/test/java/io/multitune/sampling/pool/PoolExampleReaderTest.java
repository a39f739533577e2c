package io.multitune.sampling.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.EventCodec;
import io.multitune.events.ExampleInput;
import io.multitune.events.ExampleTarget;
import io.multitune.events.SourcePosition;
import io.multitune.events.Split;
import io.multitune.events.StandardExample;
import io.multitune.events.TaskType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoolExampleReaderTest {
    private static StandardExample example(ExampleInput input, ExampleTarget target, Double difficulty) {
        return new StandardExample(1, "ex-1", "ds", "task", TaskType.TEXT_CLASSIFICATION, Split.VALIDATION, input,
                target, "web", Map.of("gender", "f"), "en", new SourcePosition("raw", 1, 2, 3, "r"), difficulty);
    }

    private static void assertSameAsFullDecode(StandardExample example) {
        byte[] json = EventCodec.INSTANCE.encode(example);
        PoolExample streamed = PoolExampleReader.read(json);
        PoolExample full = fullDecode(example, json);
        assertEquals(full.id(), streamed.id());
        assertEquals(full.datasetId(), streamed.datasetId());
        assertEquals(full.split(), streamed.split());
        assertEquals(full.label(), streamed.label());
        assertEquals(full.length(), streamed.length());
        assertEquals(full.difficulty(), streamed.difficulty());
        assertTrue(java.util.Arrays.equals(streamed.json().toArray(), json), "keeps the very bytes it read");
    }

    /** The reference: what a full decode of the example gives (input texts joined by one space, tokens too). */
    private static PoolExample fullDecode(StandardExample example, byte[] json) {
        ExampleInput in = example.input();
        List<String> pieces = new java.util.ArrayList<>();
        for (String text : new String[] {in.text(), in.textPair(), in.question(), in.context()}) {
            if (text != null) {
                pieces.add(text);
            }
        }
        if (in.tokens() != null) {
            pieces.addAll(in.tokens());
        }
        String label = example.target() == null ? null : example.target().label();
        return new PoolExample(example.id(), example.datasetId(), example.split(), label,
                String.join(" ", pieces).length(), example.difficulty(), ExampleBytes.of(json));
    }

    @Test
    void readsEveryInputAndTargetShapeLikeTheFullDecoder() {
        assertSameAsFullDecode(example(ExampleInput.text("caf\u00e9 \ud83d\ude00 ok"), ExampleTarget.label("pos"), 0.25));
        assertSameAsFullDecode(example(ExampleInput.pair("a b", "c"), ExampleTarget.label("entail"), null));
        assertSameAsFullDecode(example(ExampleInput.tokens(List.of("The", "dog", "ran")),
                ExampleTarget.tags(List.of("DET", "NOUN", "VERB")), null));
        assertSameAsFullDecode(example(ExampleInput.questionContext("who?", "Ann did."),
                ExampleTarget.answer(new ExampleTarget.AnswerSpan(0, 3, "Ann")), 3.0));
        assertSameAsFullDecode(example(ExampleInput.text("x"), ExampleTarget.value(2.5), null));
    }

    @Test
    void refusesAnUnknownVersionOrAMissingIdNamingTheField() {
        IllegalArgumentException version = assertThrows(IllegalArgumentException.class, () -> PoolExampleReader.read(
                "{\"schemaVersion\":2,\"id\":\"x\",\"datasetId\":\"d\",\"split\":\"train\"}"
                        .getBytes(StandardCharsets.UTF_8)));
        assertTrue(version.getMessage().contains("schemaVersion"), version.getMessage());
        IllegalArgumentException id = assertThrows(IllegalArgumentException.class, () -> PoolExampleReader.read(
                "{\"schemaVersion\":1,\"datasetId\":\"d\",\"split\":\"train\"}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(id.getMessage().contains("field id"), id.getMessage());
    }
}
