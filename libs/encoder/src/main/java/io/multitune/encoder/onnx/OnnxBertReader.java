package io.multitune.encoder.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import io.multitune.encoder.MiniLmL6V2;
import io.multitune.encoder.ModelResource;
import io.multitune.encoder.weights.BertConfig;
import io.multitune.encoder.weights.BertDense;
import io.multitune.encoder.weights.BertLayerWeights;
import io.multitune.encoder.weights.BertNames;
import io.multitune.encoder.weights.BertWeights;
import io.multitune.encoder.weights.BottleneckWeights;
import io.multitune.encoder.weights.DenseWeights;
import io.multitune.encoder.weights.EmbeddingWeights;
import io.multitune.encoder.weights.LayerNormWeights;
import io.multitune.encoder.weights.WeightTensor;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a BERT-layout ONNX export (Hugging Face names on biases, embeddings and LayerNorms; dense weights as
 * anonymous MatMul initializers named by the bias added to their output) into {@link BertWeights}. Sizes come
 * from the tensors, heads and LayerNorm epsilon from the graph; anything else refuses the file with an
 * {@link UnsupportedGraphException} naming what did not match.
 */
public final class OnnxBertReader {

    private final String source;
    private final OnnxGraphIndex index;
    private final BertGraphFacts facts;

    private OnnxBertReader(String source, ModelProto model) {
        this.source = source;
        this.index = new OnnxGraphIndex(model.getGraph());
        this.facts = new BertGraphFacts(index);
    }

    /** The default encoder, all-MiniLM-L6-v2 from the classpath. */
    public static BertCheckpoint readMiniLm() throws IOException {
        return read(MiniLmL6V2.ONNX);
    }

    public static BertCheckpoint read(Path file) throws IOException {
        return read(ModelResource.file(file));
    }

    public static BertCheckpoint read(ModelResource resource) throws IOException {
        return read(resource.readAllBytes(), resource.describe());
    }

    public static BertCheckpoint read(byte[] onnxBytes, String source) throws IOException {
        ModelProto model = ModelProto.parseFrom(onnxBytes);
        long opset = model.getOpsetImportList().stream()
                .filter(o -> o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx"))
                .mapToLong(OperatorSetIdProto::getVersion).findFirst().orElse(0);
        OnnxBertReader reader = new OnnxBertReader(source, model);
        reader.checkInputs(model);
        BertWeights weights = reader.weights();
        return new BertCheckpoint(weights, sha256(onnxBytes), source, opset);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private BertWeights weights() {
        WeightTensor word = tensor("embeddings", BertNames.WORD_EMBEDDINGS, 2);
        int vocab = (int) word.dim(0);
        int hidden = (int) word.dim(1);
        WeightTensor position = tensor("embeddings", BertNames.POSITION_EMBEDDINGS, 2);
        WeightTensor tokenType = tensor("embeddings", BertNames.TOKEN_TYPE_EMBEDDINGS, 2);
        expect("embeddings", BertNames.POSITION_EMBEDDINGS, position, position.dim(0), hidden);
        expect("embeddings", BertNames.TOKEN_TYPE_EMBEDDINGS, tokenType, tokenType.dim(0), hidden);
        checkPositionIds();
        LayerNormWeights embeddingNorm = layerNorm("embeddings", BertNames.EMBEDDINGS_LAYER_NORM, hidden);
        float eps = eps("embeddings", BertNames.EMBEDDINGS_LAYER_NORM);

        int layerCount = 0;
        while (index.initializer(BertNames.bias(BertDense.QUERY.name(layerCount))).isPresent()) {
            layerCount++;
        }
        if (layerCount == 0) {
            throw refuse("layer 0: no bias named " + BertNames.bias(BertDense.QUERY.name(0)));
        }
        int intermediate = (int) matMulBias(0, BertDense.INTERMEDIATE).dim(0);
        String queryOutput = index.matMulWithBias(BertNames.bias(BertDense.QUERY.name(0))).map(m -> m.output())
                .orElseThrow(() -> refuse("layer 0: query bias is not added to a MatMul"));
        int heads = facts.heads(queryOutput, hidden).orElseThrow(() -> refuse(
                "layer 0: cannot infer the number of attention heads (no Reshape of the query to [.., heads, "
                        + "head size] and no 1/sqrt(head size) scale)"));

        List<BertLayerWeights> layers = new ArrayList<>();
        for (int i = 0; i < layerCount; i++) {
            layers.add(layer(i, hidden, intermediate, eps));
        }
        BertConfig config = new BertConfig(layerCount, hidden, heads, intermediate, vocab, (int) position.dim(0),
                (int) tokenType.dim(0), eps);
        return new BertWeights(config, new EmbeddingWeights(word, position, tokenType, embeddingNorm), layers);
    }

    private BertLayerWeights layer(int i, int hidden, int intermediate, float eps) {
        String where = "layer " + i;
        Map<BertDense, DenseWeights> dense = new EnumMap<>(BertDense.class);
        for (BertDense d : BertDense.values()) {
            int in = d == BertDense.OUTPUT ? intermediate : hidden;
            int out = d == BertDense.INTERMEDIATE ? intermediate : hidden;
            dense.put(d, dense(where, d.name(i), in, out));
        }
        String activation = index.matMulWithBias(BertNames.bias(BertDense.INTERMEDIATE.name(i)))
                .flatMap(m -> facts.activation(m.output())).orElse("none");
        if (!activation.equals("Erf") && !activation.equals("Gelu")) {
            throw refuse(where + ": the feed-forward activation is not the erf GELU (found " + activation + ")");
        }
        String attentionNorm = BertNames.layer(i) + BertNames.ATTENTION_LAYER_NORM;
        String outputNorm = BertNames.layer(i) + BertNames.OUTPUT_LAYER_NORM;
        for (String norm : List.of(attentionNorm, outputNorm)) {
            float found = eps(where, norm);
            if (found != eps) {
                throw refuse(where + ": " + norm + " has eps " + found + ", the embeddings' has " + eps);
            }
        }
        BottleneckWeights attentionAdapter = adapter(where, BertNames.layer(i) + BertNames.ATTENTION_ADAPTER, hidden);
        BottleneckWeights outputAdapter = adapter(where, BertNames.layer(i) + BertNames.OUTPUT_ADAPTER, hidden);
        return new BertLayerWeights(dense, layerNorm(where, attentionNorm, hidden), layerNorm(where, outputNorm, hidden),
                attentionAdapter, outputAdapter);
    }

    /** Our own export's bottleneck adapters, read back when present. */
    private BottleneckWeights adapter(String where, String prefix, int hidden) {
        String downBias = BertNames.bias(prefix + ".down");
        if (index.initializer(downBias).isEmpty()) {
            return null;
        }
        int size = (int) tensor(where, downBias, 1).dim(0);
        return new BottleneckWeights(dense(where, prefix + ".down", hidden, size), dense(where, prefix + ".up", size, hidden));
    }

    private DenseWeights dense(String where, String prefix, int in, int out) {
        String biasName = BertNames.bias(prefix);
        WeightTensor bias = tensor(where, biasName, 1);
        expect(where, biasName, bias, out);
        OnnxGraphIndex.BiasedMatMul matMul = index.matMulWithBias(biasName).orElseThrow(() -> refuse(
                where + ": bias " + biasName + " is not added to the output of a MatMul with a weight initializer"));
        WeightTensor weight = tensor(where, matMul.weight(), 2);
        expect(where, matMul.weight() + " (weight of " + prefix + ", stored [in, out])", weight, in, out);
        return new DenseWeights(weight.transposed(), bias);
    }

    private WeightTensor matMulBias(int layer, BertDense d) {
        return tensor("layer " + layer, BertNames.bias(d.name(layer)), 1);
    }

    private LayerNormWeights layerNorm(String where, String prefix, int hidden) {
        WeightTensor gamma = tensor(where, BertNames.weight(prefix), 1);
        WeightTensor beta = tensor(where, BertNames.bias(prefix), 1);
        expect(where, BertNames.weight(prefix), gamma, hidden);
        expect(where, BertNames.bias(prefix), beta, hidden);
        return new LayerNormWeights(gamma, beta);
    }

    private float eps(String where, String layerNormPrefix) {
        return facts.layerNormEps(BertNames.weight(layerNormPrefix)).orElseThrow(() -> refuse(
                where + ": " + layerNormPrefix + " is neither a LayerNormalization node nor the decomposed "
                        + "(x - mean) / sqrt(var + eps) * weight + bias"));
    }

    /** The ids and the mask must come in under BERT's names: the runner and the writer feed them by name. */
    private void checkInputs(ModelProto model) {
        List<String> inputs = model.getGraph().getInputList().stream().map(i -> i.getName()).toList();
        for (String required : List.of(OnnxBertWriter.INPUT_IDS, OnnxBertWriter.ATTENTION_MASK)) {
            if (!inputs.contains(required)) {
                throw refuse("graph inputs " + inputs + " have no " + required);
            }
        }
    }

    private void checkPositionIds() {
        Optional<TensorProto> ids = index.initializer(BertNames.POSITION_IDS);
        if (ids.isPresent()) {
            long[] values = OnnxTensors.toLongs(ids.get());
            for (int i = 0; i < values.length; i++) {
                if (values[i] != i) {
                    throw refuse("embeddings: " + BertNames.POSITION_IDS + " is not 0, 1, 2, ... (absolute positions)");
                }
            }
        }
    }

    private WeightTensor tensor(String where, String name, int rank) {
        TensorProto proto = index.initializer(name).orElseThrow(() -> refuse(where + ": no "
                + (name.endsWith(".bias") ? "bias" : "tensor") + " named " + name));
        WeightTensor t;
        try {
            t = OnnxTensors.toWeight(proto);
        } catch (IllegalArgumentException e) {
            throw refuse(where + ": " + e.getMessage());
        }
        if (t.rank() != rank) {
            throw refuse(where + ": " + name + " has shape " + t.shapeText() + ", expected rank " + rank);
        }
        return t;
    }

    private void expect(String where, String name, WeightTensor t, long... shape) {
        if (!t.hasShape(shape)) {
            throw refuse(where + ": " + name + " has shape " + t.shapeText() + ", expected "
                    + Arrays.toString(shape));
        }
    }

    private UnsupportedGraphException refuse(String problem) {
        return new UnsupportedGraphException(source, problem);
    }
}
