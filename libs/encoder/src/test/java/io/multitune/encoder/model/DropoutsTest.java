package io.multitune.encoder.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class DropoutsTest {

    @Test
    void masksKeepOneMinusTheRateScaledLikeTorchAndRepeatForASeed() {
        int n = 300_000; // several chunks, drawn in parallel
        float[] a = drawn(n, 42L, 0.1f, Dropouts.VECTOR);
        float[] b = drawn(n, 42L, 0.1f, Dropouts.VECTOR);
        assertArrayEquals(a, b, "same seed, same mask, whatever the threads did");
        float scale = 1f / (float) (1.0 - 0.1f);
        long kept = 0;
        for (float v : a) {
            assertTrue(v == 0f || v == scale, "every value is 0 or 1/(1-p): " + v);
            kept += v == 0f ? 0 : 1;
        }
        // Binomial(300k, 0.9): sd ~164, so 6 sd is ~0.0033 of the share.
        assertEquals(0.9, kept / (double) n, 0.0035);
        assertFalse(java.util.Arrays.equals(a, drawn(n, 43L, 0.1f, Dropouts.VECTOR)), "another seed, another mask");
        // Neighbouring lanes (lag 1), a lane with itself (lag 16) and neighbouring chunks (lag 65,536) are
        // independent: both kept 0.81 of the time; sd at most ~0.0008, so 6 sd is ~0.005.
        for (int lag : new int[] {1, 16, 65_536}) {
            long both = 0;
            for (int i = 0; i + lag < n; i++) {
                both += a[i] != 0f && a[i + lag] != 0f ? 1 : 0;
            }
            assertEquals(0.81, both / (double) (n - lag), 0.005, "lag " + lag);
        }
    }

    @Test
    void theVectorPathDrawsTheScalarPathsMasks() {
        assumeTrue(Dropouts.VECTOR, "runs where the JVM has jdk.incubator.vector and AVX2, as the build's tests do");
        for (int n : new int[] {1, 7, 16, 17, 65_536, 65_537, 300_001}) {
            for (float rate : new float[] {0.1f, 0.5f, 0.9f}) {
                assertArrayEquals(drawn(n, 99L + n, rate, false), drawn(n, 99L + n, rate, true),
                        n + " elements at rate " + rate);
            }
        }
    }

    private static float[] drawn(int n, long seed, float rate, boolean vector) {
        ByteBuffer bytes = ByteBuffer.allocate(n * Float.BYTES).order(ByteOrder.nativeOrder());
        Dropouts.fill(bytes, seed, rate, vector);
        float[] values = new float[n];
        bytes.asFloatBuffer().get(values);
        return values;
    }

    @Test
    void theBranchFreeComparisonKeepsExactlyTheDrawsBelowTheThreshold() {
        int scaleBits = Float.floatToRawIntBits(2f);
        long threshold = Math.round(0.9 * 4294967296.0);
        assertEquals(scaleBits, MaskStream.keptOrZero(0, threshold, scaleBits));
        assertEquals(scaleBits, MaskStream.keptOrZero((int) (threshold - 1), threshold, scaleBits));
        assertEquals(0, MaskStream.keptOrZero((int) threshold, threshold, scaleBits));
        assertEquals(0, MaskStream.keptOrZero(-1, threshold, scaleBits), "0xFFFFFFFF is the largest draw");
        assertEquals(0, MaskStream.keptOrZero(0, 0L, scaleBits), "rate 1 keeps nothing");
    }

    @Test
    void elementIOfAChunkIsLaneIMod16sXoshiro128PlusPlusDraw() {
        int n = 1001;
        float[] mask = drawn(n, 5L, 0.3f, Dropouts.VECTOR);
        long threshold = Math.round(0.7 * 4294967296.0);
        float scale = 1f / (float) (1.0 - 0.3f);
        long chunkSeed = splitMix(5L + 0x9E3779B97F4A7C15L);
        int[][] lanes = new int[16][];
        for (int lane = 0; lane < 16; lane++) {
            long first = splitMix(chunkSeed + (2L * lane + 1) * 0x9E3779B97F4A7C15L);
            long second = splitMix(chunkSeed + (2L * lane + 2) * 0x9E3779B97F4A7C15L);
            lanes[lane] = new int[] {(int) first, (int) (first >>> 32), (int) second, (int) (second >>> 32)};
        }
        for (int i = 0; i < n; i++) {
            long draw = xoshiro128PlusPlus(lanes[i % 16]) & 0xFFFFFFFFL;
            assertEquals(draw < threshold ? scale : 0f, mask[i], "element " + i);
        }
    }

    /** The reference xoshiro128++ (prng.di.unimi.it), written out apart from the code under test. */
    private static int xoshiro128PlusPlus(int[] s) {
        int result = Integer.rotateLeft(s[0] + s[3], 7) + s[0];
        int t = s[1] << 9;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = Integer.rotateLeft(s[3], 11);
        return result;
    }

    private static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Test
    void aRateTooSmallForTheThresholdKeepsEverything() {
        float[] mask = drawn(70_000, 3L, 1e-12f, Dropouts.VECTOR);
        float scale = 1f / (float) (1.0 - 1e-12f);
        for (float v : mask) {
            assertEquals(scale, v);
        }
    }

    @Test
    void dropoutOnTheEngineIsSeededByTheEngineAndKeepsTheGraph() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray x = manager.ones(new Shape(64, 128));
            assertSame(x, Dropouts.dropout(x, 0.1f, false), "inference leaves x alone");
            assertSame(x, Dropouts.dropout(x, 0f, true), "rate 0 leaves x alone");
            Engine.getEngine("PyTorch").setRandomSeed(7);
            float[] first = Dropouts.dropout(x, 0.25f, true).toFloatArray();
            Engine.getEngine("PyTorch").setRandomSeed(7);
            float[] again = Dropouts.dropout(x, 0.25f, true).toFloatArray();
            assertArrayEquals(first, again, "re-seeding the engine replays the mask");
            long dropped = 0;
            for (float v : first) {
                assertTrue(v == 0f || v == 1f / 0.75f, "x · mask with x = 1: " + v);
                dropped += v == 0f ? 1 : 0;
            }
            assertEquals(0.25, dropped / (double) first.length, 0.03);
        }
    }
}
