package io.multitune.encoder.model;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The random stream of one dropout-mask chunk, and its scalar drawing loop.
 *
 * <p>Sixteen xoshiro128++ generators (Blackman and Vigna; 32-bit draws, no multiply), lane L seeded with the two
 * SplitMix64 outputs chunkSeed + (2L + 1)·γ and chunkSeed + (2L + 2)·γ (γ the golden gamma), low word first. Element
 * i of the chunk is lane (i mod 16)'s draw number i / 16, kept (1/(1 − rate)) when that 32-bit draw, unsigned, is
 * below the threshold round((1 − rate)·2³²), else 0. The layout is the one {@link VectorMaskChunk} draws in two
 * eight-lane vectors, so both paths give the same mask bit for bit.
 */
final class MaskStream {

    /** Generators per chunk: two AVX2 vectors of eight 32-bit lanes. */
    static final int LANES = 16;
    /** A threshold above every 32-bit draw (a rate below 2⁻³³): every element kept. */
    static final long ALL_KEPT = 0xFFFFFFFFL;
    private static final ThreadLocal<int[]> SCRATCH = ThreadLocal.withInitial(() -> new int[1 << 16]);

    private MaskStream() {
    }

    /** The chunk's generator states: [word 0..3][lane 0..15]. */
    static int[][] seed(long chunkSeed) {
        int[][] s = new int[4][LANES];
        for (int lane = 0; lane < LANES; lane++) {
            long first = Dropouts.mix(chunkSeed + (2L * lane + 1) * Dropouts.GOLDEN_GAMMA);
            long second = Dropouts.mix(chunkSeed + (2L * lane + 2) * Dropouts.GOLDEN_GAMMA);
            s[0][lane] = (int) first;
            s[1][lane] = (int) (first >>> 32);
            s[2][lane] = (int) second;
            s[3][lane] = (int) (second >>> 32);
            if ((s[0][lane] | s[1][lane] | s[2][lane] | s[3][lane]) == 0) {
                s[0][lane] = 1; // xoshiro's one forbidden state; chance 2⁻¹²⁸
            }
        }
        return s;
    }

    /** Elements [from, from + length) of a chunk whose next draws are those of {@code s} (advanced as it goes). */
    static void fillScalar(ByteBuffer mask, int from, int length, int[][] s, long threshold, int scaleBits) {
        if (threshold > ALL_KEPT) {
            fillKept(mask, from, length, scaleBits);
            return;
        }
        int[] values = SCRATCH.get();
        // One lane at a time, its state in locals: lane L fills elements L, L + 16, ... (held in arrays and indexed
        // per element, the state cost twice the time).
        for (int lane = 0; lane < LANES; lane++) {
            int a0 = s[0][lane];
            int a1 = s[1][lane];
            int a2 = s[2][lane];
            int a3 = s[3][lane];
            for (int i = lane; i < length; i += LANES) {
                int draw = Integer.rotateLeft(a0 + a3, 7) + a0;
                int t = a1 << 9;
                a2 ^= a0;
                a3 ^= a1;
                a1 ^= a2;
                a0 ^= a3;
                a2 ^= t;
                a3 = Integer.rotateLeft(a3, 11);
                values[i] = keptOrZero(draw, threshold, scaleBits);
            }
            s[0][lane] = a0;
            s[1][lane] = a1;
            s[2][lane] = a2;
            s[3][lane] = a3;
        }
        mask.duplicate().order(mask.order()).asIntBuffer().put(from, values, 0, length);
    }

    /** Every element of [from, from + length) kept. */
    static void fillKept(ByteBuffer mask, int from, int length, int scaleBits) {
        int[] values = SCRATCH.get();
        Arrays.fill(values, 0, length, scaleBits);
        mask.duplicate().order(mask.order()).asIntBuffer().put(from, values, 0, length);
    }

    /**
     * scaleBits when {@code draw < threshold} as unsigned 32-bit numbers, else 0, without a branch: a kept/dropped
     * branch is mispredicted on one element in ten at rate 0.1, which made drawing a mask take ~2 ns an element
     * instead of ~1.1 (both operands are below 2³², so the sign of their 64-bit difference is the comparison).
     */
    static int keptOrZero(int draw, long threshold, int scaleBits) {
        int kept = (int) (((draw & 0xFFFFFFFFL) - threshold) >>> 63);
        return scaleBits & -kept;
    }
}
