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
    }

    @Test
    void theVectorPathDrawsTheScalarPathsMasks() {
        assumeTrue(Dropouts.VECTOR, "runs where the JVM has jdk.incubator.vector and AVX-512, as the build's tests do");
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
        assertEquals(2f, Dropouts.keptOrZero(0L, threshold, scaleBits));
        assertEquals(2f, Dropouts.keptOrZero(threshold - 1, threshold, scaleBits));
        assertEquals(0f, Dropouts.keptOrZero(threshold, threshold, scaleBits));
        assertEquals(0f, Dropouts.keptOrZero(0xFFFFFFFFL, threshold, scaleBits));
        assertEquals(0f, Dropouts.keptOrZero(0L, 0L, scaleBits), "rate 1 keeps nothing");
    }

    @Test
    void theFirstChunkIsSplitMixDrawsComparedTwoToALong() {
        float[] mask = drawn(1001, 5L, 0.3f, Dropouts.VECTOR);
        long threshold = Math.round(0.7 * 4294967296.0);
        float scale = 1f / (float) (1.0 - 0.3f);
        long z = 5L + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        java.util.SplittableRandom random = new java.util.SplittableRandom(z ^ (z >>> 31));
        for (int i = 0; i < 1001; i += 2) {
            long bits = random.nextLong();
            assertEquals((bits & 0xFFFFFFFFL) < threshold ? scale : 0f, mask[i], "element " + i);
            if (i + 1 < 1001) {
                assertEquals((bits >>> 32) < threshold ? scale : 0f, mask[i + 1], "element " + (i + 1));
            }
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
