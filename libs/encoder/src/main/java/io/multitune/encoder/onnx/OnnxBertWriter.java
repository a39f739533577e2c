package io.multitune.encoder.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import io.multitune.encoder.weights.BertWeights;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@link BertWeights} as a BERT-layout ONNX graph (opset 11, like the MiniLM export): int64 inputs
 * input_ids, attention_mask, token_type_ids [batch_size, sequence_length]; float output last_hidden_state
 * [batch_size, sequence_length, hidden]. LoRA must already be merged into the weights; bottleneck adapters are
 * written as nodes. {@link #encoder} is the reusable part for graphs that add heads after the encoder.
 */
public final class OnnxBertWriter {

    public static final long OPSET = 11;
    public static final String INPUT_IDS = "input_ids";
    public static final String ATTENTION_MASK = "attention_mask";
    public static final String TOKEN_TYPE_IDS = "token_type_ids";
    public static final String LAST_HIDDEN_STATE = "last_hidden_state";
    public static final String BATCH = "batch_size";
    public static final String SEQUENCE = "sequence_length";

    private OnnxBertWriter() {
    }

    /** The encoder alone, as a model. */
    public static ModelProto toModel(BertWeights weights) {
        OnnxGraphBuilder g = new OnnxGraphBuilder("multitune_bert");
        String hidden = encoder(g, weights);
        g.output(hidden, TensorProto.DataType.FLOAT, BATCH, SEQUENCE, weights.config().hidden());
        return g.build(OPSET, "multitune");
    }

    public static byte[] toBytes(BertWeights weights) {
        return toModel(weights).toByteArray();
    }

    public static void write(BertWeights weights, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            toModel(weights).writeTo(out);
        }
    }

    /**
     * Declares the three inputs and adds the encoder's nodes to {@code g}; returns the value named
     * {@value #LAST_HIDDEN_STATE} [batch, seq, hidden], for the caller to output or to feed heads with.
     */
    public static String encoder(OnnxGraphBuilder g, BertWeights weights) {
        String inputIds = g.input(INPUT_IDS, TensorProto.DataType.INT64, BATCH, SEQUENCE);
        String attentionMask = g.input(ATTENTION_MASK, TensorProto.DataType.INT64, BATCH, SEQUENCE);
        String tokenTypeIds = g.input(TOKEN_TYPE_IDS, TensorProto.DataType.INT64, BATCH, SEQUENCE);
        String maskBias = OnnxBertBlocks.attentionMaskBias(g, attentionMask);
        String x = OnnxBertBlocks.embeddings(g, inputIds, tokenTypeIds, weights.embeddings(),
                weights.config().layerNormEps());
        for (int i = 0; i < weights.config().layers(); i++) {
            x = OnnxBertBlocks.layer(g, x, maskBias, i, weights.layer(i), weights.config());
        }
        return g.node("Identity", LAST_HIDDEN_STATE, List.of(x));
    }
}
