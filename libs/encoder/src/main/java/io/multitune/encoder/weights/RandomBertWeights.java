package io.multitune.encoder.weights;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random BERT weights of any size, for tests of this module and of the trainer: a tiny BERT (2 layers, hidden 32)
 * runs every check in milliseconds. Values are drawn like BERT's initialiser (normal, std 0.02) and LayerNorms
 * get a random perturbation too, so that no test passes by accident on identity LayerNorms.
 */
public final class RandomBertWeights {

    private static final double STD = 0.02;

    private RandomBertWeights() {
    }

    /** A tiny BERT: 2 layers, hidden 32, 2 heads, intermediate 64, 64 positions, LayerNorm eps 1e-12. */
    public static BertConfig tinyConfig(int vocab) {
        return new BertConfig(2, 32, 2, 64, vocab, 64, 2, 1e-12f);
    }

    public static BertWeights create(BertConfig config, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int h = config.hidden();
        EmbeddingWeights embeddings = new EmbeddingWeights(
                normal(random, STD, config.vocab(), h),
                normal(random, STD, config.maxPositions(), h),
                normal(random, STD, config.typeVocab(), h),
                layerNorm(random, h));
        List<BertLayerWeights> layers = new ArrayList<>();
        for (int i = 0; i < config.layers(); i++) {
            Map<BertDense, DenseWeights> dense = new EnumMap<>(BertDense.class);
            for (BertDense d : BertDense.values()) {
                int in = d == BertDense.OUTPUT ? config.intermediate() : h;
                int out = d == BertDense.INTERMEDIATE ? config.intermediate() : h;
                dense.put(d, dense(random, out, in));
            }
            layers.add(new BertLayerWeights(dense, layerNorm(random, h), layerNorm(random, h), null, null));
        }
        return new BertWeights(config, embeddings, layers);
    }

    /** A random dense layer [out, in] with a random bias. */
    public static DenseWeights dense(SplittableRandom random, int out, int in) {
        return new DenseWeights(normal(random, STD, out, in), normal(random, STD, out));
    }

    private static LayerNormWeights layerNorm(SplittableRandom random, int h) {
        WeightTensor gamma = normal(random, 0.1, h);
        float[] g = gamma.values();
        for (int i = 0; i < g.length; i++) {
            g[i] += 1f;
        }
        return new LayerNormWeights(gamma, normal(random, 0.1, h));
    }

    private static WeightTensor normal(SplittableRandom random, double std, long... shape) {
        WeightTensor t = WeightTensor.zeros(shape);
        float[] v = t.values();
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (gaussian(random) * std);
        }
        return t;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian in Java 17.
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
