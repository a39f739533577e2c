package io.multitune.encoder.onnx;

import static io.multitune.encoder.onnx.OnnxGraphBuilder.integer;
import static io.multitune.encoder.onnx.OnnxGraphBuilder.ints;

import ai.onnx.proto.OnnxMl.TensorProto;
import io.multitune.encoder.weights.BertConfig;
import io.multitune.encoder.weights.BertDense;
import io.multitune.encoder.weights.BertLayerWeights;
import io.multitune.encoder.weights.BertNames;
import io.multitune.encoder.weights.BottleneckWeights;
import io.multitune.encoder.weights.DenseWeights;
import io.multitune.encoder.weights.EmbeddingWeights;
import io.multitune.encoder.weights.LayerNormWeights;

import java.util.List;
import java.util.Locale;

/**
 * BERT's building blocks as opset-11 ONNX nodes, in the form PyTorch's exporter writes them (so that
 * {@link OnnxBertReader} reads them back): dense = MatMul by the [in, out] weight + Add of the named bias,
 * LayerNorm decomposed (LayerNormalization is opset 17), GELU through Erf. Each takes the value it transforms and
 * a path prefix for the values it creates, and returns its output value.
 */
public final class OnnxBertBlocks {

    /** Hugging Face's additive mask for padded keys: torch.finfo(float32).min. */
    public static final float MASKED = -Float.MAX_VALUE;

    private OnnxBertBlocks() {
    }

    /** y = x W + b; the weight initializer is named {@code <name>.weight.T}, being the transpose of nn.Linear's. */
    public static String dense(OnnxGraphBuilder g, String x, String path, String name, DenseWeights w) {
        String weight = g.weight(name + ".weight.T", w.weight().transposed());
        String bias = g.weight(BertNames.bias(name), w.bias());
        String product = g.node("MatMul", path + "/MatMul", List.of(x, weight));
        return g.node("Add", path + "/Add", List.of(bias, product));
    }

    /** (x - mean) / sqrt(var + eps) * gamma + beta over the last axis, with gamma and beta named {@code name}.*. */
    public static String layerNorm(OnnxGraphBuilder g, String x, String path, String name, LayerNormWeights w,
                                   float eps) {
        String gamma = g.weight(BertNames.weight(name), w.gamma());
        String beta = g.weight(BertNames.bias(name), w.beta());
        String mean = g.node("ReduceMean", path + "/ReduceMean", List.of(x), ints("axes", -1));
        String centred = g.node("Sub", path + "/Sub", List.of(x, mean));
        String squared = g.node("Pow", path + "/Pow", List.of(centred, g.scalar(2f)));
        String variance = g.node("ReduceMean", path + "/ReduceMean_1", List.of(squared), ints("axes", -1));
        String shifted = g.node("Add", path + "/Add", List.of(variance, g.scalar(eps)));
        String std = g.node("Sqrt", path + "/Sqrt", List.of(shifted));
        String normalised = g.node("Div", path + "/Div", List.of(centred, std));
        String scaled = g.node("Mul", path + "/Mul", List.of(normalised, gamma));
        return g.node("Add", path + "/Add_1", List.of(scaled, beta));
    }

    /** GELU, erf form: x · ½ (1 + erf(x / √2)). */
    public static String gelu(OnnxGraphBuilder g, String x, String path) {
        String scaled = g.node("Div", path + "/Div", List.of(x, g.scalar((float) Math.sqrt(2.0))));
        String erf = g.node("Erf", path + "/Erf", List.of(scaled));
        String shifted = g.node("Add", path + "/Add", List.of(erf, g.scalar(1f)));
        String product = g.node("Mul", path + "/Mul", List.of(x, shifted));
        return g.node("Mul", path + "/Mul_1", List.of(product, g.scalar(0.5f)));
    }

    /** Houlsby adapter: h + W_up GELU(W_down h). */
    public static String bottleneck(OnnxGraphBuilder g, String h, String path, String name, BottleneckWeights w) {
        String down = dense(g, h, path + "/down", name + ".down", w.down());
        String activated = gelu(g, down, path + "/act");
        String up = dense(g, activated, path + "/up", name + ".up", w.up());
        return g.node("Add", path + "/residual", List.of(up, h));
    }

    /** [batch, seq] 0/1 mask → [batch, 1, 1, seq] additive bias: 0 where attended, {@link #MASKED} where padded. */
    public static String attentionMaskBias(OnnxGraphBuilder g, String attentionMask) {
        String expanded = g.node("Unsqueeze", "/mask/Unsqueeze", List.of(attentionMask), ints("axes", 1, 2));
        String asFloat = g.node("Cast", "/mask/Cast", List.of(expanded),
                integer("to", TensorProto.DataType.FLOAT_VALUE));
        String inverted = g.node("Sub", "/mask/Sub", List.of(g.scalar(1f), asFloat));
        return g.node("Mul", "/mask/Mul", List.of(inverted, g.scalar(MASKED)));
    }

    /** word + position (0 .. seq-1) + token type embeddings, then LayerNorm. */
    public static String embeddings(OnnxGraphBuilder g, String inputIds, String tokenTypeIds, EmbeddingWeights w,
                                    float eps) {
        String word = g.node("Gather", "/embeddings/word", List.of(g.weight(BertNames.WORD_EMBEDDINGS, w.word()),
                inputIds));
        String type = g.node("Gather", "/embeddings/type",
                List.of(g.weight(BertNames.TOKEN_TYPE_EMBEDDINGS, w.tokenType()), tokenTypeIds));
        String shape = g.node("Shape", "/embeddings/Shape", List.of(inputIds));
        String seqLength = g.node("Slice", "/embeddings/seq_length", List.of(shape, g.int64s(1), g.int64s(2),
                g.int64s(0)));
        String positions = g.node("Slice", "/embeddings/position", List.of(
                g.weight(BertNames.POSITION_EMBEDDINGS, w.position()), g.int64s(0), seqLength, g.int64s(0)));
        String sum = g.node("Add", "/embeddings/Add", List.of(word, type));
        String withPositions = g.node("Add", "/embeddings/Add_1", List.of(sum, positions));
        return layerNorm(g, withPositions, "/embeddings/LayerNorm", BertNames.EMBEDDINGS_LAYER_NORM, w.layerNorm(), eps);
    }

    /** One post-LayerNorm BERT layer (with its bottleneck adapters, if any). */
    public static String layer(OnnxGraphBuilder g, String x, String maskBias, int index, BertLayerWeights w,
                               BertConfig config) {
        String path = "/encoder/layer." + index;
        String prefix = BertNames.layer(index);
        String context = selfAttention(g, x, maskBias, index, w, config);
        String attended = dense(g, context, path + "/attention/output/dense", BertDense.ATTENTION_OUTPUT.name(index),
                w.dense(BertDense.ATTENTION_OUTPUT));
        if (w.hasAdapters()) {
            attended = bottleneck(g, attended, path + "/attention/output/adapter", prefix + BertNames.ATTENTION_ADAPTER,
                    w.attentionAdapter());
        }
        String attentionResidual = g.node("Add", path + "/attention/output/residual", List.of(attended, x));
        String a = layerNorm(g, attentionResidual, path + "/attention/output/LayerNorm",
                prefix + BertNames.ATTENTION_LAYER_NORM, w.attentionLayerNorm(), config.layerNormEps());
        String inner = dense(g, a, path + "/intermediate/dense", BertDense.INTERMEDIATE.name(index),
                w.dense(BertDense.INTERMEDIATE));
        String activated = gelu(g, inner, path + "/intermediate/gelu");
        String out = dense(g, activated, path + "/output/dense", BertDense.OUTPUT.name(index), w.dense(BertDense.OUTPUT));
        if (w.hasAdapters()) {
            out = bottleneck(g, out, path + "/output/adapter", prefix + BertNames.OUTPUT_ADAPTER, w.outputAdapter());
        }
        String outputResidual = g.node("Add", path + "/output/residual", List.of(out, a));
        return layerNorm(g, outputResidual, path + "/output/LayerNorm", prefix + BertNames.OUTPUT_LAYER_NORM,
                w.outputLayerNorm(), config.layerNormEps());
    }

    /** Multi-head scaled dot-product self-attention; returns the heads' context re-joined to [batch, seq, hidden]. */
    public static String selfAttention(OnnxGraphBuilder g, String x, String maskBias, int index, BertLayerWeights w,
                                       BertConfig config) {
        String path = "/encoder/layer." + index + "/attention/self";
        String headShape = g.int64s(0, 0, config.heads(), config.headSize());
        String[] qkv = new String[3];
        BertDense[] which = {BertDense.QUERY, BertDense.KEY, BertDense.VALUE};
        for (int i = 0; i < 3; i++) {
            String sub = path + "/" + which[i].name().toLowerCase(Locale.ROOT);
            String projected = dense(g, x, sub, which[i].name(index), w.dense(which[i]));
            qkv[i] = g.node("Reshape", sub + "/Reshape", List.of(projected, headShape));
        }
        // [b, t, heads, d] → queries and values [b, heads, t, d], keys [b, heads, d, t] so Q·Kᵀ needs no transpose.
        String q = g.node("Transpose", path + "/query/Transpose", List.of(qkv[0]), ints("perm", 0, 2, 1, 3));
        String k = g.node("Transpose", path + "/key/Transpose", List.of(qkv[1]), ints("perm", 0, 2, 3, 1));
        String v = g.node("Transpose", path + "/value/Transpose", List.of(qkv[2]), ints("perm", 0, 2, 1, 3));
        String scores = g.node("MatMul", path + "/scores", List.of(q, k));
        String scaled = g.node("Div", path + "/scaled", List.of(scores,
                g.scalar((float) Math.sqrt(config.headSize()))));
        String masked = g.node("Add", path + "/masked", List.of(scaled, maskBias));
        String probs = g.node("Softmax", path + "/Softmax", List.of(masked), integer("axis", -1));
        String context = g.node("MatMul", path + "/context", List.of(probs, v));
        String joined = g.node("Transpose", path + "/context/Transpose", List.of(context), ints("perm", 0, 2, 1, 3));
        return g.node("Reshape", path + "/context/Reshape", List.of(joined, g.int64s(0, 0, config.hidden())));
    }
}
