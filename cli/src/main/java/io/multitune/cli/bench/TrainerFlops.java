package io.multitune.cli.bench;

import java.util.List;

/**
 * The model FLOPs of one training step as {@code bench trainer} counts them: forward matmul FLOPs only (every weight
 * matmul, 2·rows·in·out, including LoRA's two small ones and the task heads'; plus attention's score Q·Kᵀ and value
 * P·V products, 2·B·heads·S·S·d each, d = hidden / heads: 32 for MiniLM's 12 heads of 384), times 2 for adapter training (forward + activation gradients) or times 3 for
 * full fine-tuning (forward + activation gradients + weight gradients). Embedding lookups, LayerNorm, GELU, softmax,
 * dropout, losses and the optimizer do not count.
 */
public final class TrainerFlops {

    /** Backward multiplier for adapter (LoRA) training: the activation gradients only. */
    public static final int ADAPTER_MULTIPLIER = 2;
    /** Backward multiplier for full fine-tuning: activation and weight gradients. */
    public static final int FULL_MULTIPLIER = 3;

    private TrainerFlops() {
    }

    /** A BERT encoder's shape. */
    public record Encoder(int layers, int hidden, int intermediate, int heads) {
        public int headSize() {
            return hidden / heads;
        }
    }

    /** A task head's dense layer applied to {@code rows} vectors (pooled rows, or every token). */
    public record Head(long rows, int in, int out) {
    }

    /** 2·m·k·n: one (m×k)·(k×n) matrix product. */
    public static double matmul(long m, long k, long n) {
        return 2.0 * m * k * n;
    }

    /**
     * Per layer: q, k, v, attention output (hidden×hidden each), intermediate (hidden×intermediate) and output
     * (intermediate×hidden) on batch·seq tokens.
     */
    public static double weightMatmuls(Encoder e, long batch, long seq) {
        long tokens = batch * seq;
        return e.layers() * (4 * matmul(tokens, e.hidden(), e.hidden())
                + matmul(tokens, e.hidden(), e.intermediate()) + matmul(tokens, e.intermediate(), e.hidden()));
    }

    /** Per layer: scores Q·Kᵀ and values P·V, each 2·B·heads·S·S·headSize. */
    public static double attention(Encoder e, long batch, long seq) {
        return e.layers() * 2 * (2.0 * batch * e.heads() * seq * seq * e.headSize());
    }

    /** LoRA on {@code targetsPerLayer} hidden×hidden layers: x·Aᵀ (hidden→rank) then ·Bᵀ (rank→hidden). */
    public static double lora(Encoder e, long batch, long seq, int targetsPerLayer, int rank) {
        long tokens = batch * seq;
        return (double) e.layers() * targetsPerLayer * (matmul(tokens, e.hidden(), rank) + matmul(tokens, rank,
                e.hidden()));
    }

    public static double heads(List<Head> heads) {
        return heads.stream().mapToDouble(h -> matmul(h.rows(), h.in(), h.out())).sum();
    }

    /** The whole forward: encoder weight matmuls, attention products, LoRA branches and heads. */
    public static double forward(Encoder e, long batch, long seq, int loraTargetsPerLayer, int loraRank,
                                 List<Head> heads) {
        return weightMatmuls(e, batch, seq) + attention(e, batch, seq)
                + (loraTargetsPerLayer > 0 ? lora(e, batch, seq, loraTargetsPerLayer, loraRank) : 0)
                + heads(heads);
    }

    /** The three GEMM shapes of a layer with their count per layer: (k, n, count) for tokens×k · k×n. */
    public static List<int[]> layerShapes(Encoder e) {
        return List.of(new int[] {e.hidden(), e.hidden(), 4}, new int[] {e.hidden(), e.intermediate(), 1},
                new int[] {e.intermediate(), e.hidden(), 1});
    }

    /**
     * The weighted GEMM throughput: the FLOPs of one layer's mix (count_i × flops_i) over the time that mix takes
     * at each shape's measured rate.
     */
    public static double weightedRate(long tokens, List<int[]> shapes, double[] ratePerShape) {
        double flops = 0;
        double seconds = 0;
        for (int i = 0; i < shapes.size(); i++) {
            int[] s = shapes.get(i);
            double f = s[2] * matmul(tokens, s[0], s[1]);
            flops += f;
            seconds += f / ratePerShape[i];
        }
        return flops / seconds;
    }
}
