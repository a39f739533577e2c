package io.multitune.encoder.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import io.multitune.encoder.TinyBert;
import io.multitune.encoder.weights.BertLayerWeights;
import io.multitune.encoder.weights.BertWeights;
import io.multitune.encoder.weights.BottleneckWeights;
import io.multitune.encoder.weights.RandomBertWeights;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class OnnxRoundTripTest {

    @Test
    void writtenWeightsReadBackExactlyWithInferredConfig() throws Exception {
        BertWeights weights = TinyBert.weights(7);
        byte[] bytes = OnnxBertWriter.toBytes(weights);
        BertCheckpoint read = OnnxBertReader.read(bytes, "tiny");
        assertEquals(weights.config(), read.weights().config(), "heads and eps come back from the graph");
        assertTrue(read.weights().sameAs(weights));
        assertEquals(OnnxBertReader.sha256(bytes), read.sha256());
        assertEquals(64, read.sha256().length());
        assertEquals(11, read.opset());
        assertEquals("tiny", read.source());
    }

    @Test
    void bottleneckAdaptersRoundTrip() throws Exception {
        BertWeights base = TinyBert.weights(8);
        SplittableRandom random = new SplittableRandom(3);
        List<BertLayerWeights> layers = new ArrayList<>();
        for (BertLayerWeights layer : base.layers()) {
            layers.add(layer.withAdapters(adapter(random), adapter(random)));
        }
        BertWeights withAdapters = base.withLayers(layers);
        BertCheckpoint read = OnnxBertReader.read(OnnxBertWriter.toBytes(withAdapters), "tiny+adapters");
        assertTrue(read.weights().layer(1).hasAdapters());
        assertTrue(read.weights().sameAs(withAdapters));
    }

    @Test
    void refusesAGraphWithoutAnExpectedBias() throws Exception {
        ModelProto model = OnnxBertWriter.toModel(TinyBert.weights(9));
        ModelProto broken = editGraph(model, g -> {
            GraphProto.Builder b = g.toBuilder().clearInitializer();
            g.getInitializerList().stream()
                    .filter(t -> !t.getName().equals("encoder.layer.1.attention.self.key.bias"))
                    .forEach(b::addInitializer);
            return b.build();
        });
        UnsupportedGraphException e = assertThrows(UnsupportedGraphException.class,
                () -> OnnxBertReader.read(broken.toByteArray(), "broken"));
        assertTrue(e.getMessage().contains("layer 1: no bias named encoder.layer.1.attention.self.key.bias"),
                e.getMessage());
    }

    @Test
    void refusesAnotherActivationThanErfGelu() throws Exception {
        ModelProto model = OnnxBertWriter.toModel(TinyBert.weights(10));
        ModelProto tanh = editGraph(model, g -> {
            GraphProto.Builder b = g.toBuilder().clearNode();
            g.getNodeList().forEach(n -> b.addNode(n.getOpType().equals("Erf") ? n.toBuilder().setOpType("Tanh") : n.toBuilder()));
            return b.build();
        });
        UnsupportedGraphException e = assertThrows(UnsupportedGraphException.class,
                () -> OnnxBertReader.read(tanh.toByteArray(), "tanh"));
        assertTrue(e.getMessage().contains("layer 0: the feed-forward activation is not the erf GELU (found Tanh)"),
                e.getMessage());
    }

    @Test
    void refusesAMisshapenWeight() throws Exception {
        ModelProto model = OnnxBertWriter.toModel(TinyBert.weights(11));
        ModelProto wrong = editGraph(model, g -> {
            GraphProto.Builder b = g.toBuilder().clearInitializer();
            for (var t : g.getInitializerList()) {
                b.addInitializer(t.getName().equals("encoder.layer.0.output.LayerNorm.bias")
                        ? OnnxTensors.floatTensor(t.getName(), io.multitune.encoder.weights.WeightTensor.zeros(31))
                        : t);
            }
            return b.build();
        });
        UnsupportedGraphException e = assertThrows(UnsupportedGraphException.class,
                () -> OnnxBertReader.read(wrong.toByteArray(), "wrong"));
        assertTrue(e.getMessage().contains("encoder.layer.0.output.LayerNorm.bias has shape [31], expected [32]"),
                e.getMessage());
    }

    @Test
    void fallsBackOnTheAttentionScaleForTheNumberOfHeads() throws Exception {
        BertWeights weights = TinyBert.weights(12);
        ModelProto model = OnnxBertWriter.toModel(weights);
        // Make layer 0's query Reshape take a run-time shape, as some exporters do: only 1/sqrt(d) is left to read.
        ModelProto dynamic = editGraph(model, g -> {
            GraphProto.Builder b = g.toBuilder().clearNode();
            g.getNodeList().forEach(n -> b.addNode(n.getName().equals("/encoder/layer.0/attention/self/query/Reshape")
                    ? n.toBuilder().setInput(1, "/embeddings/Shape") : n.toBuilder()));
            return b.build();
        });
        assertEquals(weights.config(), OnnxBertReader.read(dynamic.toByteArray(), "dynamic").weights().config());
    }

    @Test
    void graphBuilderCatchesWiringMistakes() {
        OnnxGraphBuilder g = new OnnxGraphBuilder("t");
        g.input("x", ai.onnx.proto.OnnxMl.TensorProto.DataType.FLOAT, "n");
        assertThrows(IllegalArgumentException.class, () -> g.node("Relu", "y", List.of("nope")));
        g.node("Relu", "y", List.of("x"));
        assertThrows(IllegalArgumentException.class, () -> g.node("Relu", "y", List.of("x")));
        assertEquals(g.scalar(1f), g.scalar(1f), "shared constants are reused");
        assertNotNull(g.build(11, "test"));
    }

    private static BottleneckWeights adapter(SplittableRandom random) {
        return new BottleneckWeights(RandomBertWeights.dense(random, 4, 32), RandomBertWeights.dense(random, 32, 4));
    }

    private static ModelProto editGraph(ModelProto model, UnaryOperator<GraphProto> edit) {
        return model.toBuilder().setGraph(edit.apply(model.getGraph())).build();
    }
}
