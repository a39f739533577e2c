package io.multitune.encoder.onnx;

import static io.multitune.encoder.TaskHeadFixture.head;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import io.multitune.encoder.TinyBert;
import io.multitune.encoder.tokens.EncodedBatch;
import io.multitune.encoder.weights.BertWeights;
import io.multitune.encoder.weights.DenseWeights;
import io.multitune.encoder.weights.TaskHeadWeights;
import io.multitune.encoder.weights.TaskHeadWeights.Kind;
import io.multitune.encoder.weights.WeightTensor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The multi-task file itself: outputs, metadata, names, validation, and the runner's API. */
class MultiTaskExportTest {

    private static final BertWeights WEIGHTS = TinyBert.weights(51);
    /** input_ids [CLS] the cat sat [SEP] and [CLS] a dog [SEP] [PAD]. */
    private static final EncodedBatch BATCH = new EncodedBatch(2, 5, new long[] {2, 5, 7, 9, 3, 2, 6, 8, 3, 0},
            new long[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 0}, new long[10]);

    private static final TaskHeadWeights SENTIMENT = new TaskHeadWeights("sentiment", Kind.SEQUENCE_CLASSIFICATION,
            head("x", Kind.SEQUENCE_CLASSIFICATION, 32, 2, 1).dense(), List.of("negative", "positive"));
    private static final TaskHeadWeights NER = head("ner", Kind.TOKEN_CLASSIFICATION, 32, 4, 2);

    @Test
    void metadataRoundTripsThroughTheFileAndOnnxRuntime(@TempDir Path dir) throws Exception {
        List<TaskHeadWeights> heads = List.of(SENTIMENT, NER, head("squad", Kind.SPAN, 32, 2, 3),
                head("stsb", Kind.REGRESSION, 32, 1, 4));
        List<ExportedHead> expected = List.of(
                new ExportedHead("sentiment", "sentiment", Kind.SEQUENCE_CLASSIFICATION, 2,
                        List.of("negative", "positive")),
                new ExportedHead("ner", "ner", Kind.TOKEN_CLASSIFICATION, 4, List.of("L0", "L1", "L2", "L3")),
                new ExportedHead("squad", "squad", Kind.SPAN, 2, List.of()),
                new ExportedHead("stsb", "stsb", Kind.REGRESSION, 1, List.of()));

        ModelProto model = OnnxMultiTaskWriter.toModel(WEIGHTS, heads);
        assertEquals(expected, MultiTaskMetadata.read(model));
        assertEquals(List.of("last_hidden_state", "sentiment", "ner", "squad", "stsb"),
                model.getGraph().getOutputList().stream().map(ValueInfoProto::getName).toList());
        assertEquals(List.of("batch_size", "2"), dims(model, "sentiment"));
        assertEquals(List.of("batch_size", "sequence_length", "4"), dims(model, "ner"));
        assertEquals(List.of("batch_size", "sequence_length", "32"), dims(model, "last_hidden_state"));

        Path file = dir.resolve("multitask.onnx");
        OnnxMultiTaskWriter.write(WEIGHTS, heads, file);
        assertArrayEquals(model.toByteArray(), Files.readAllBytes(file), "the same bytes in memory and on disk");
        try (OrtMultiTaskRunner runner = OrtMultiTaskRunner.open(file, OrtRunnerOptions.defaults()
                .withIntraOpThreads(1))) {
            assertEquals(expected, runner.heads());
            assertEquals("CPU", runner.executionProvider(), "the CPU build of ONNX Runtime has no CUDA provider");
            Map<String, HeadOutput> out = runner.run(BATCH);
            assertArrayEquals(new long[] {2, 2}, out.get("sentiment").shape());
            assertArrayEquals(new long[] {2, 5, 4}, out.get("ner").shape());
            assertArrayEquals(new long[] {2, 5, 2}, out.get("squad").shape());
            assertArrayEquals(new long[] {2, 1}, out.get("stsb").shape());
            assertTrue(Set.of("negative", "positive").contains(out.get("sentiment").label(1)));
            assertEquals(out.get("ner").argmax(0, 3), List.of("L0", "L1", "L2", "L3")
                    .indexOf(out.get("ner").label(0, 3)));
        }
    }

    @Test
    void taskIdsThatAreNotOnnxNamesAreSanitisedAndMapped() throws Exception {
        List<TaskHeadWeights> heads = List.of(
                rename(SENTIMENT, "sentiment/imdb-v2"),
                rename(NER, "2nd task"),
                rename(SENTIMENT, "a-b"),
                rename(SENTIMENT, "a_b"),
                rename(NER, "input_ids"));
        byte[] onnx = OnnxMultiTaskWriter.write(WEIGHTS, heads);
        try (OrtMultiTaskRunner runner = OrtMultiTaskRunner.open(onnx)) {
            assertEquals(List.of("sentiment_imdb_v2", "_2nd_task", "a_b", "a_b_2", "input_ids_2"),
                    runner.heads().stream().map(ExportedHead::output).toList());
            assertTrue(runner.heads().stream().allMatch(h -> OnnxNames.isValid(h.output())));
            Map<String, HeadOutput> out = runner.run(BATCH, List.of("2nd task", "sentiment/imdb-v2"));
            assertEquals(List.of("2nd task", "sentiment/imdb-v2"), List.copyOf(out.keySet()), "keyed by task id");
            assertArrayEquals(new long[] {2, 5, 4}, out.get("2nd task").shape());
            // Same weights under two names: the two outputs must agree exactly.
            Map<String, HeadOutput> twins = runner.run(BATCH, List.of("a-b", "a_b"));
            assertArrayEquals(twins.get("a-b").values(), twins.get("a_b").values());
        }
    }

    @Test
    void namesAreSanitisedToCIdentifiersAndMadeDistinct() {
        assertEquals("sentiment_imdb_v2", OnnxNames.sanitise("sentiment/imdb-v2"));
        assertEquals("_2nd", OnnxNames.sanitise("2nd"));
        assertEquals("_", OnnxNames.sanitise(""));
        assertEquals("caf__", OnnxNames.sanitise("café!"));
        assertEquals("ok_Name_1", OnnxNames.sanitise("ok_Name_1"));
        Map<String, String> names = OnnxNames.outputNames(List.of("a-b", "a_b", "a.b"), "a_b_2"::equals);
        assertEquals(List.of("a_b", "a_b_3", "a_b_4"), List.copyOf(names.values()), "a_b_2 is taken by the graph");
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> OnnxMultiTaskWriter.toModel(WEIGHTS, List.of(NER, NER)));
        assertEquals("task id ner appears twice", twice.getMessage());
    }

    @Test
    void refusesHeadsThatDoNotFitTheEncoderOrTheirKind() {
        assertRefused("head wide (SEQUENCE_CLASSIFICATION) reads 48 features, the encoder gives 32",
                head("wide", Kind.SEQUENCE_CLASSIFICATION, 48, 2, 5));
        assertRefused("head span3 (SPAN) has 3 outputs, expected 2",
                new TaskHeadWeights("span3", Kind.SPAN, dense(3, 32), List.of()));
        assertRefused("head reg2 (REGRESSION) has 2 outputs, expected 1",
                new TaskHeadWeights("reg2", Kind.REGRESSION, dense(2, 32), List.of()));
        assertRefused("head nolabels (TOKEN_CLASSIFICATION) has 3 outputs, expected 0 (one per label)",
                new TaskHeadWeights("nolabels", Kind.TOKEN_CLASSIFICATION, dense(3, 32), List.of()));
    }

    @Test
    void theRunnerRefusesWhatItCannotServe() throws Exception {
        IllegalArgumentException plain = assertThrows(IllegalArgumentException.class,
                () -> OrtMultiTaskRunner.open(OnnxBertWriter.toBytes(WEIGHTS)));
        assertEquals("not a multitune multi-task model: no metadata_props entry multitune.heads", plain.getMessage());
        try (OrtMultiTaskRunner runner = OrtMultiTaskRunner.open(OnnxMultiTaskWriter.write(WEIGHTS, List.of(NER)))) {
            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                    () -> runner.run(BATCH, List.of("sentiment")));
            assertEquals("no head for task sentiment; the model has [ner]", unknown.getMessage());
            assertEquals(Map.of(), runner.run(BATCH, List.of()));
        }
        String future = MultiTaskMetadata.toJson(List.of()).replace("\"format\":1", "\"format\":2");
        assertEquals("head metadata format 2 is not supported (this reader knows format 1)",
                assertThrows(IllegalArgumentException.class, () -> MultiTaskMetadata.fromJson(future)).getMessage());
        assertEquals("malformed multitune.heads metadata: no \"heads\" in {\"format\":1}", assertThrows(
                IllegalArgumentException.class, () -> MultiTaskMetadata.fromJson("{\"format\":1}")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> MultiTaskMetadata.fromJson("{\"format\":1,\"heads\":{}}"));
    }

    @Test
    void headOutputsAreReadByRowOrToken() {
        HeadOutput span = new HeadOutput(new ExportedHead("qa", "qa", Kind.SPAN, 2, List.of()), new long[] {1, 2, 2},
                new float[] {0.5f, -1f, 0.1f, 2f});
        assertArrayEquals(new float[] {0.1f, 2f}, span.vector(0, 1));
        assertEquals(0, span.argmax(0, 0));
        assertEquals(1, span.argmax(0, 1));
        assertThrows(IllegalArgumentException.class, () -> span.vector(0));
        assertThrows(IndexOutOfBoundsException.class, () -> span.vector(0, 2));
        assertThrows(IllegalStateException.class, () -> span.label(0, 0), "a span head has no labels");
    }

    @Test
    void theEncoderReadsBackExactlyFromAMultiTaskExport() throws Exception {
        // A multi-task file is also a valid starting checkpoint: the reader finds the encoder and ignores the heads.
        BertCheckpoint read = OnnxBertReader.read(OnnxMultiTaskWriter.write(WEIGHTS, List.of(SENTIMENT, NER)), "mt");
        assertTrue(read.weights().sameAs(WEIGHTS));
    }

    private static void assertRefused(String message, TaskHeadWeights head) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OnnxMultiTaskWriter.toModel(WEIGHTS, List.of(head)));
        assertEquals(message, e.getMessage());
    }

    private static List<String> dims(ModelProto model, String output) {
        ValueInfoProto info = model.getGraph().getOutputList().stream().filter(o -> o.getName().equals(output))
                .findFirst().orElseThrow();
        return info.getType().getTensorType().getShape().getDimList().stream()
                .map(d -> d.hasDimParam() ? d.getDimParam() : String.valueOf(d.getDimValue())).toList();
    }

    private static TaskHeadWeights rename(TaskHeadWeights head, String taskId) {
        return new TaskHeadWeights(taskId, head.kind(), head.dense(), head.labels());
    }

    private static DenseWeights dense(int out, int in) {
        return new DenseWeights(WeightTensor.zeros(out, in), WeightTensor.zeros(out));
    }
}
