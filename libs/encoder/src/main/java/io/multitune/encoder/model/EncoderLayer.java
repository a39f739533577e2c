package io.multitune.encoder.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import io.multitune.encoder.weights.BertConfig;
import io.multitune.encoder.weights.BertDense;
import io.multitune.encoder.weights.BertLayerWeights;
import io.multitune.encoder.weights.BertNames;
import io.multitune.encoder.weights.DenseWeights;
import io.multitune.encoder.weights.LayerNormWeights;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** One post-LayerNorm BERT layer in DJL, with its LoRA branches or bottleneck adapters. */
final class EncoderLayer {

    private final BertConfig config;
    private final EncoderOptions options;
    private final Map<BertDense, TrainableDense> dense = new EnumMap<>(BertDense.class);
    private final Parameter[] attentionNorm;
    private final Parameter[] outputNorm;
    private final BottleneckAdapter attentionAdapter;
    private final BottleneckAdapter outputAdapter;
    /** Whether the query layer's weights carry the attention's 1/√d (a frozen base), else selfAttention applies it. */
    private final boolean queryScaleFolded;

    EncoderLayer(EncoderParameters params, int index, BertLayerWeights w, BertConfig config, EncoderOptions options,
                 SplittableRandom random) {
        this.config = config;
        this.options = options;
        AdapterSpec adapter = options.adapter();
        boolean full = adapter instanceof AdapterSpec.Full;
        Set<BertDense> loraTargets = adapter instanceof AdapterSpec.Lora lora
                ? LoraTarget.dense(lora.targets()) : Set.of();
        queryScaleFolded = !full;
        float queryScale = queryScale(config);
        for (BertDense d : BertDense.values()) {
            String name = d.name(index);
            float outputScale = d == BertDense.QUERY && queryScaleFolded ? queryScale : 1f;
            TrainableDense layer;
            if (loraTargets.contains(d)) {
                layer = TrainableDense.withLora(params, name, w.dense(d), (AdapterSpec.Lora) adapter, random,
                        outputScale);
            } else if (outputScale != 1f) {
                layer = TrainableDense.frozenScaled(params, name, w.dense(d), outputScale);
            } else {
                layer = TrainableDense.plain(params, name, w.dense(d), full);
            }
            dense.put(d, layer);
        }
        String prefix = BertNames.layer(index);
        attentionNorm = layerNorm(params, prefix + BertNames.ATTENTION_LAYER_NORM, w.attentionLayerNorm(), full);
        outputNorm = layerNorm(params, prefix + BertNames.OUTPUT_LAYER_NORM, w.outputLayerNorm(), full);
        boolean adaptersTrain = full || adapter instanceof AdapterSpec.Bottleneck;
        if (w.hasAdapters()) {
            attentionAdapter = BottleneckAdapter.of(params, prefix + BertNames.ATTENTION_ADAPTER, w.attentionAdapter(),
                    adaptersTrain);
            outputAdapter = BottleneckAdapter.of(params, prefix + BertNames.OUTPUT_ADAPTER, w.outputAdapter(),
                    adaptersTrain);
        } else if (adapter instanceof AdapterSpec.Bottleneck b) {
            attentionAdapter = BottleneckAdapter.initial(params, prefix + BertNames.ATTENTION_ADAPTER, config.hidden(),
                    b.size(), random);
            outputAdapter = BottleneckAdapter.initial(params, prefix + BertNames.OUTPUT_ADAPTER, config.hidden(),
                    b.size(), random);
        } else {
            attentionAdapter = null;
            outputAdapter = null;
        }
    }

    /** 1/√(head size): scaling Q before Q·Kᵀ equals scaling the scores, on d/seq of the values. */
    private static float queryScale(BertConfig config) {
        return (float) (1.0 / Math.sqrt(config.headSize()));
    }

    static Parameter[] layerNorm(EncoderParameters params, String name, LayerNormWeights w, boolean trainable) {
        return new Parameter[] {
            params.create(BertNames.weight(name), w.gamma(), Parameter.Type.GAMMA, trainable),
            params.create(BertNames.bias(name), w.beta(), Parameter.Type.BETA, trainable)
        };
    }

    static NDArray normalise(NDArray x, Parameter[] norm, BertConfig config) {
        return LayerNorm.layerNorm(x, new Shape(config.hidden()), norm[0].getArray(), norm[1].getArray(),
                config.layerNormEps()).singletonOrThrow();
    }

    static NDArray dropout(NDArray x, float rate, boolean training) {
        return Dropouts.dropout(x, rate, training);
    }

    /** x [batch, seq, hidden], maskBias [batch, 1, 1, seq] (null: no padding) → [batch, seq, hidden]. */
    NDArray forward(NDArray x, NDArray maskBias, boolean training) {
        NDArray attended = dense.get(BertDense.ATTENTION_OUTPUT).forward(selfAttention(x, maskBias, training), training);
        attended = dropout(attended, options.hiddenDropout(), training);
        if (attentionAdapter != null) {
            attended = attentionAdapter.forward(attended, training);
        }
        NDArray a = normalise(attended.add(x), attentionNorm, config);
        NDArray inner = Activation.gelu(dense.get(BertDense.INTERMEDIATE).forward(a, training));
        NDArray out = dropout(dense.get(BertDense.OUTPUT).forward(inner, training), options.hiddenDropout(), training);
        if (outputAdapter != null) {
            out = outputAdapter.forward(out, training);
        }
        return normalise(out.add(a), outputNorm, config);
    }

    private NDArray selfAttention(NDArray x, NDArray maskBias, boolean training) {
        Shape shape = x.getShape();
        long batch = shape.get(0);
        long seq = shape.get(1);
        Shape heads = new Shape(batch, seq, config.heads(), config.headSize());
        NDArray query = dense.get(BertDense.QUERY).forward(x, training);
        if (!queryScaleFolded) {
            // A constant given as a Java number becomes a tensor over a buffer DJL frees at once, while autograd
            // keeps it for the backward pass: gradients then read freed memory (NaNs at random steps). A tensor the
            // step's manager owns stays alive until the step ends.
            query = query.mul(query.getManager().create(queryScale(config)));
        }
        NDArray q = query.reshape(heads).transpose(0, 2, 1, 3);
        NDArray k = dense.get(BertDense.KEY).forward(x, training).reshape(heads).transpose(0, 2, 3, 1);
        NDArray v = dense.get(BertDense.VALUE).forward(x, training).reshape(heads).transpose(0, 2, 1, 3);
        NDArray scores = q.matMul(k);
        if (maskBias != null) {
            // In place: the product's backward needs only q and k, not its output, and a new [batch, heads, seq,
            // seq] tensor would be the largest allocation of the layer.
            scores.addi(maskBias);
        }
        NDArray probs = dropout(scores.softmax(-1),
                options.attentionDropout(), training);
        return probs.matMul(v).transpose(0, 2, 1, 3).reshape(batch, seq, config.hidden());
    }

    BertLayerWeights export() {
        Map<BertDense, DenseWeights> weights = new EnumMap<>(BertDense.class);
        dense.forEach((d, layer) -> weights.put(d, layer.export()));
        return new BertLayerWeights(weights, exportNorm(attentionNorm), exportNorm(outputNorm),
                attentionAdapter == null ? null : attentionAdapter.export(),
                outputAdapter == null ? null : outputAdapter.export());
    }

    static LayerNormWeights exportNorm(Parameter[] norm) {
        return new LayerNormWeights(EncoderParameters.values(norm[0]), EncoderParameters.values(norm[1]));
    }
}
