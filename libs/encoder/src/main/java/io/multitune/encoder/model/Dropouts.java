package io.multitune.encoder.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.Dropout;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.stream.IntStream;

/**
 * Inverted dropout, as {@code torch.nn.functional.dropout} computes it: each element kept with probability
 * 1 − rate and scaled by 1 / (1 − rate), else 0; in the graph as x · mask, so the backward is grad · mask.
 *
 * <p>On the PyTorch engine on the CPU the mask is drawn here instead of by torch's {@code bernoulli_}: on CPUs other
 * than Intel's, libtorch draws it one element at a time (two 32-bit Mersenne Twister outputs per element) from its
 * locked global generator, on one core, ~7 ns an element: about a quarter of a MiniLM LoRA training step at
 * 16 × 128 tokens. Here a 64-bit seed is drawn from the engine's generator (so seeding the engine still fixes every
 * mask of a step, and a pass after re-seeding replays them), then each fixed chunk of 64Ki elements draws from its
 * own {@link MaskStream} (sixteen xoshiro128++ generators seeded from (seed, chunk)), chunks in parallel, written
 * straight into the memory of the mask tensor. Same distribution (keep threshold at 2⁻³² resolution; torch's is
 * 2⁻⁵³), same scale value (1f / (float) (1 − rate), as torch's {@code div_}), same graph; only the random stream
 * differs from torch's. The masks do not depend on the number of threads. Elsewhere (GPU, another engine,
 * non-float32 input) it is the engine's dropout.
 *
 * <p>Where the JVM runs with {@code --add-modules jdk.incubator.vector} on a CPU with AVX2 or AVX-512,
 * {@link VectorMaskChunk} draws the same masks sixteen draws at a time (~0.2 ns an element against ~1.1-1.5 for the
 * scalar loop; a MiniLM LoRA step draws ~38 M mask elements). The trainer service, {@code bench trainer} and the
 * tests run with it; {@code -Dmultitune.dropout.scalar=true} keeps the scalar loop.
 */
public final class Dropouts {

    private static final int CHUNK = 1 << 16;
    /** SplitMix64's increment (also {@link java.util.SplittableRandom}'s). */
    static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static volatile Boolean viewsWork;
    /** Package-visible so tests can say which path they ran. */
    static final boolean VECTOR = vectorPath();

    private Dropouts() {
    }

    /** Whether this JVM draws masks with {@link VectorMaskChunk} (see the class comment). */
    public static boolean drawsWithVectors() {
        return VECTOR;
    }

    /** x unchanged when not training or rate is 0; otherwise dropout with the given rate. */
    public static NDArray dropout(NDArray x, float rate, boolean training) {
        if (!training || rate <= 0f) {
            return x;
        }
        if (!(rate < 1f) || !drawsHere(x)) {
            return Dropout.dropout(x, rate, true).singletonOrThrow();
        }
        NDManager manager = x.getManager();
        long seed;
        try (NDArray drawn = manager.randomInteger(0, Long.MAX_VALUE, new Shape(1), DataType.INT64)) {
            // toLongArray, not getLong: getLong indexes the tensor first, an engine call per dropout for nothing
            seed = drawn.toLongArray()[0];
        }
        NDArray mask = manager.create(x.getShape(), DataType.FLOAT32);
        fill(mask.toByteBuffer(true).order(ByteOrder.nativeOrder()), seed, rate, VECTOR);
        return x.mul(mask);
    }

    /**
     * The mask values for {@code seed} into {@code mask} (native byte order, 4 bytes an element): 1/(1 − rate) where
     * kept, 0 where dropped; the same on the vector path or not (package-visible for tests).
     */
    static void fill(ByteBuffer mask, long seed, float rate, boolean vector) {
        int n = mask.capacity() / Float.BYTES;
        float scale = 1f / (float) (1.0 - rate);
        long threshold = Math.round((1.0 - rate) * 4294967296.0);
        int chunks = (n + CHUNK - 1) / CHUNK;
        if (chunks <= 1) {
            fillChunk(mask, seed, 0, n, scale, threshold, vector);
        } else {
            IntStream.range(0, chunks).parallel()
                    .forEach(c -> fillChunk(mask, seed, c, n, scale, threshold, vector));
        }
    }

    private static void fillChunk(ByteBuffer mask, long seed, int chunk, int n, float scale, long threshold,
                                  boolean vector) {
        int from = chunk * CHUNK;
        int length = Math.min(CHUNK, n - from);
        long chunkSeed = mix(seed + (chunk + 1) * GOLDEN_GAMMA);
        int scaleBits = Float.floatToRawIntBits(scale);
        if (vector) {
            VectorMaskChunk.fill(mask, from, length, chunkSeed, threshold, scaleBits);
        } else {
            MaskStream.fillScalar(mask, from, length, MaskStream.seed(chunkSeed), threshold, scaleBits);
        }
    }

    /** Whether masks are drawn by {@link VectorMaskChunk}: its module is in the boot layer and the CPU suits it. */
    private static boolean vectorPath() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()
                || Boolean.getBoolean("multitune.dropout.scalar")) {
            return false;
        }
        try {
            return VectorMaskChunk.usable();
        } catch (LinkageError e) {
            return false;
        }
    }

    /** SplitMix64's finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static boolean drawsHere(NDArray x) {
        return x.getDataType() == DataType.FLOAT32 && Device.Type.CPU.equals(x.getDevice().getDeviceType())
                && "PyTorch".equals(x.getManager().getEngine().getEngineName()) && viewsWork(x.getManager());
    }

    /**
     * Whether a direct buffer of a fresh CPU tensor is a view of its memory (written values reach the tensor):
     * checked once, on a 4-element tensor.
     */
    private static boolean viewsWork(NDManager manager) {
        Boolean known = viewsWork;
        if (known == null) {
            try (NDArray probe = manager.create(new Shape(4), DataType.FLOAT32)) {
                FloatBuffer buffer = probe.toByteBuffer(true).order(ByteOrder.nativeOrder()).asFloatBuffer();
                buffer.put(0, new float[] {1f, 2f, 3f, 4f});
                float[] back = probe.toFloatArray();
                known = back.length == 4 && back[0] == 1f && back[1] == 2f && back[2] == 3f && back[3] == 4f;
            } catch (RuntimeException e) {
                known = false;
            }
            viewsWork = known;
        }
        return known;
    }
}
