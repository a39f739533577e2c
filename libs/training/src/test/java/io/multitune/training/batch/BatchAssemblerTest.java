package io.multitune.training.batch;

import static io.multitune.training.Fixtures.answer;
import static io.multitune.training.Fixtures.example;
import static io.multitune.training.Fixtures.pair;
import static io.multitune.training.Fixtures.tagged;
import static io.multitune.training.Fixtures.text;
import static io.multitune.training.Fixtures.train;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.ExampleInput;
import io.multitune.events.ExampleTarget;
import io.multitune.events.TaskType;
import io.multitune.training.Fixtures;
import io.multitune.training.MalformedBatchException;
import io.multitune.training.UnsupportedTaskException;

import java.util.List;
import org.junit.jupiter.api.Test;

class BatchAssemblerTest {

    private final BatchAssembler assembler = Fixtures.assembler(List.of(Fixtures.sentiment(), Fixtures.pos(),
            Fixtures.score(), Fixtures.nli(), Fixtures.qa()));

    @Test
    void groupsByTaskInJobOrderKeepingExampleOrderAndMapsLabels() {
        AssembledBatch batch = assembler.assemble(train(5, 3, List.of(
                Fixtures.valued("r1", "one", 1.5),
                text("a", "sentiment", "good", "positive"),
                tagged("t1", "the cat sat", "DET NOUN VERB"),
                text("b", "sentiment", "bad", "negative"),
                text("c", "sentiment", "fine", "positive"))));
        assertEquals(5, batch.sequence());
        assertEquals(List.of("sentiment", "pos", "score"), batch.tasks().stream().map(TaskBatch::taskId).toList());
        TaskBatch sentiment = batch.tasks().get(0);
        assertEquals(List.of("a", "b", "c"), sentiment.exampleIds());
        assertArrayEquals(new int[] {1, 0, 1}, ((TaskTargets.ClassLabels) sentiment.targets()).labels());
        assertArrayEquals(new float[] {1.5f}, ((TaskTargets.Values) batch.tasks().get(2).targets()).values());
        assertEquals(5, batch.exampleCount());
    }

    @Test
    void tagsLandOnFirstSubTokensOnly() {
        // "tokenization" splits into several word pieces; only the first carries the tag.
        AssembledBatch batch = assembler.assemble(train(0, 1, List.of(tagged("t", "tokenization works", "NOUN VERB"))));
        TaskTargets.TokenLabels labels = (TaskTargets.TokenLabels) batch.tasks().get(0).targets();
        List<String> pieces = Fixtures.tokens().tokens("tokenization works");
        assertTrue(pieces.size() > 4, "expected word pieces, got " + pieces);
        long[] expected = new long[labels.length()];
        java.util.Arrays.fill(expected, TaskTargets.IGNORED);
        expected[1] = 1; // NOUN on the first piece of "tokenization"
        expected[pieces.size() - 2] = 2; // VERB on "works"
        assertArrayEquals(expected, labels.labels());
    }

    @Test
    void refusesAnUnknownLabelNamingTheExampleAndField() {
        MalformedBatchException e = assertThrows(MalformedBatchException.class, () -> assembler.assemble(train(0, 1,
                List.of(text("ok", "sentiment", "good", "positive"), text("bad-one", "sentiment", "meh", "neutral")))));
        assertEquals("bad-one", e.exampleId());
        assertEquals("target.label", e.field());
        assertTrue(e.getMessage().contains("'neutral' is not a label of task 'sentiment'"), e.getMessage());

        MalformedBatchException tag = assertThrows(MalformedBatchException.class, () -> assembler.assemble(
                train(0, 1, List.of(tagged("t9", "the cat", "DET CAT")))));
        assertEquals("target.tags[1]", tag.field());
        assertEquals("t9", tag.exampleId());
    }

    @Test
    void refusesMissingFieldsAndForeignTasks() {
        MalformedBatchException missing = assertThrows(MalformedBatchException.class, () -> assembler.assemble(
                train(0, 1, List.of(example("x", "sentiment", TaskType.TEXT_CLASSIFICATION, ExampleInput.text("hi"),
                        ExampleTarget.value(1.0))))));
        assertEquals("target.label", missing.field());
        MalformedBatchException foreign = assertThrows(MalformedBatchException.class, () -> assembler.assemble(
                train(0, 1, List.of(text("y", "genre", "hi", "news")))));
        assertEquals("taskId", foreign.field());
        MalformedBatchException counts = assertThrows(MalformedBatchException.class, () -> assembler.assemble(
                train(0, 1, List.of(tagged("z", "the cat sat", "DET NOUN")))));
        assertTrue(counts.getMessage().contains("2 tags for 3 tokens"), counts.getMessage());
        MalformedBatchException type = assertThrows(MalformedBatchException.class, () -> assembler.assemble(
                train(0, 1, List.of(example("w", "sentiment", TaskType.REGRESSION, ExampleInput.text("hi"),
                        ExampleTarget.value(1.0))))));
        assertEquals("taskType", type.field());
        assertTrue(type.getMessage().contains("planned as 'text-classification'"), type.getMessage());
    }

    @Test
    void refusesTextToTextNamingTheTask() {
        UnsupportedTaskException e = assertThrows(UnsupportedTaskException.class, () -> Fixtures.assembler(List.of(
                Fixtures.task("summaries", TaskType.TEXT_TO_TEXT))));
        assertEquals("task 'summaries' (text-to-text): the encoder trainer cannot train text-to-text tasks (it has no "
                + "decoder)", e.getMessage());
    }

    @Test
    void encodesPairsWithSegmentIds() {
        AssembledBatch batch = assembler.assemble(train(0, 1, List.of(pair("n1", "a man sleeps", "a person rests",
                "entailment"))));
        TaskBatch nli = batch.tasks().get(0);
        long[] types = nli.inputs().tokenTypeIds();
        assertEquals(0, types[0]);
        assertEquals(1, types[nli.inputs().length() - 1]);
    }

    @Test
    void mixesSingleTextsAndPairsOfARegressionTaskInOrder() {
        AssembledBatch batch = assembler.assemble(train(0, 1, List.of(
                Fixtures.valued("single", "one text", 1.0),
                example("paired", "score", TaskType.REGRESSION, ExampleInput.pair("first text", "second"),
                        ExampleTarget.value(2.0)))));
        TaskBatch score = batch.tasks().get(0);
        assertEquals(List.of("single", "paired"), score.exampleIds());
        int length = score.inputs().length();
        assertEquals(0, score.inputs().tokenTypeIds()[length - 1], "row 0 is the single text");
        assertEquals(1, score.inputs().tokenTypeIds()[2 * length - 1], "row 1 is the pair");
    }

    @Test
    void findsTheAnswerTokensFromCharacterOffsets() {
        String context = "The 🐱 cat lives in Paris with Marie Curie.";
        AssembledBatch batch = assembler.assemble(train(0, 1, List.of(answer("q1", "who lives there?", context,
                "Marie Curie"))));
        TaskTargets.Spans spans = (TaskTargets.Spans) batch.tasks().get(0).targets();
        TaskTargets.SpanContext c = spans.contexts().get(0);
        int start = spans.startTokens()[0];
        int end = spans.endTokens()[0];
        assertEquals("Marie Curie", context.substring(c.charStart()[start], c.charEnd()[end]));
        assertTrue(start > 0 && end >= start);
    }

    @Test
    void anAnswerCutOffByTruncationPointsAtCls() {
        String context = "word ".repeat(80) + "Berlin";
        AssembledBatch batch = assembler.assemble(train(0, 1, List.of(answer("q2", "where?", context, "Berlin"))));
        TaskTargets.Spans spans = (TaskTargets.Spans) batch.tasks().get(0).targets();
        assertEquals(0, spans.startTokens()[0]);
        assertEquals(0, spans.endTokens()[0]);
        assertEquals(Fixtures.MAX_LENGTH, batch.tasks().get(0).inputs().length());
    }
}
