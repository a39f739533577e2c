package io.multitune.encoder.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * One chunk of a dropout mask drawn with the (incubating) Vector API: the {@link MaskStream} of the chunk, its sixteen
 * xoshiro128++ lanes held as two vectors of eight 32-bit lanes, so the same mask bit for bit as the scalar path,
 * stored straight into the tensor's memory. Two independent vectors per step give the CPU two dependency chains to
 * overlap.
 *
 * <p>Only loaded by {@link Dropouts} when the JVM runs with {@code --add-modules jdk.incubator.vector}, has 256-bit
 * integer vectors (AVX2 or AVX-512: xoshiro needs only adds, xors, shifts and rotations, which both have; the earlier
 * SplitMix64 stream needed AVX-512's 64-bit multiply) and stores little-endian.
 */
final class VectorMaskChunk {

    private static final VectorSpecies<Integer> SPECIES = IntVector.SPECIES_256;

    private VectorMaskChunk() {
    }

    /** Whether this JVM and CPU run the vector path fast (see the class comment). */
    static boolean usable() {
        return IntVector.SPECIES_PREFERRED.vectorBitSize() >= SPECIES.vectorBitSize()
                && SPECIES.length() * 2 == MaskStream.LANES && ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    }

    /** Writes elements [from, from + length) of the mask: element i is lane i mod 16's draw i / 16 (see MaskStream). */
    static void fill(ByteBuffer mask, int from, int length, long chunkSeed, long threshold, int scaleBits) {
        if (threshold > MaskStream.ALL_KEPT) {
            MaskStream.fillKept(mask, from, length, scaleBits);
            return;
        }
        int[][] seeded = MaskStream.seed(chunkSeed);
        int half = SPECIES.length();
        // Locals, not arrays of vectors: the JIT keeps local vectors in registers, vectors stored in an array are
        // boxed objects and every operation allocates.
        IntVector a0 = IntVector.fromArray(SPECIES, seeded[0], 0);
        IntVector a1 = IntVector.fromArray(SPECIES, seeded[1], 0);
        IntVector a2 = IntVector.fromArray(SPECIES, seeded[2], 0);
        IntVector a3 = IntVector.fromArray(SPECIES, seeded[3], 0);
        IntVector b0 = IntVector.fromArray(SPECIES, seeded[0], half);
        IntVector b1 = IntVector.fromArray(SPECIES, seeded[1], half);
        IntVector b2 = IntVector.fromArray(SPECIES, seeded[2], half);
        IntVector b3 = IntVector.fromArray(SPECIES, seeded[3], half);
        IntVector biasedThreshold = IntVector.broadcast(SPECIES, (int) threshold ^ Integer.MIN_VALUE);
        IntVector scale = IntVector.broadcast(SPECIES, scaleBits);
        IntVector zero = IntVector.zero(SPECIES);
        int whole = length / MaskStream.LANES;
        int offset = from * Float.BYTES;
        for (int g = 0; g <= whole; g++) {
            IntVector drawA = a0.add(a3).lanewise(VectorOperators.ROL, 7).add(a0);
            IntVector drawB = b0.add(b3).lanewise(VectorOperators.ROL, 7).add(b0);
            IntVector ta = a1.lanewise(VectorOperators.LSHL, 9);
            IntVector tb = b1.lanewise(VectorOperators.LSHL, 9);
            a2 = a2.lanewise(VectorOperators.XOR, a0);
            b2 = b2.lanewise(VectorOperators.XOR, b0);
            a3 = a3.lanewise(VectorOperators.XOR, a1);
            b3 = b3.lanewise(VectorOperators.XOR, b1);
            a1 = a1.lanewise(VectorOperators.XOR, a2);
            b1 = b1.lanewise(VectorOperators.XOR, b2);
            a0 = a0.lanewise(VectorOperators.XOR, a3);
            b0 = b0.lanewise(VectorOperators.XOR, b3);
            a2 = a2.lanewise(VectorOperators.XOR, ta);
            b2 = b2.lanewise(VectorOperators.XOR, tb);
            a3 = a3.lanewise(VectorOperators.ROL, 11);
            b3 = b3.lanewise(VectorOperators.ROL, 11);
            IntVector maskA = keptOrZero(drawA, biasedThreshold, scale, zero);
            IntVector maskB = keptOrZero(drawB, biasedThreshold, scale, zero);
            if (g < whole) {
                maskA.intoByteBuffer(mask, offset, ByteOrder.LITTLE_ENDIAN);
                maskB.intoByteBuffer(mask, offset + half * Float.BYTES, ByteOrder.LITTLE_ENDIAN);
                offset += MaskStream.LANES * Float.BYTES;
            } else if (whole * MaskStream.LANES < length) {
                // The last group is partial: drawn whole, only its first elements stored.
                int[] last = new int[MaskStream.LANES];
                maskA.intoArray(last, 0);
                maskB.intoArray(last, half);
                mask.duplicate().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer()
                        .put(from + whole * MaskStream.LANES, last, 0, length - whole * MaskStream.LANES);
            }
        }
    }

    /** scale where the unsigned draw is below the threshold (signed comparison of both with the sign bit flipped). */
    private static IntVector keptOrZero(IntVector draw, IntVector biasedThreshold, IntVector scale, IntVector zero) {
        VectorMask<Integer> kept = draw.lanewise(VectorOperators.XOR, Integer.MIN_VALUE)
                .compare(VectorOperators.LT, biasedThreshold);
        return zero.blend(scale, kept);
    }
}
