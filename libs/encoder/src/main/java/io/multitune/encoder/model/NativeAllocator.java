package io.multitune.encoder.model;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;

import java.util.Locale;

/**
 * Keeps glibc's malloc from handing the engine's large tensors back to the kernel after every step.
 *
 * <p>libtorch's CPU allocator has no cache: each tensor is a {@code posix_memalign}. With glibc's defaults a block
 * over the mmap threshold (dynamic, 128 KiB at first) is a fresh {@code mmap}, and freed memory at the top of a
 * heap over the trim threshold is returned: the next step's tensors of the same size (12.6 MB for a 16 × 128 batch's
 * attention probabilities or feed-forward activations in MiniLM) then fault in every page again. Measured on a
 * MiniLM LoRA step: half of its minor page faults and ~30 % of its time. {@link #tune()} sets, once per process,
 * {@code M_MMAP_THRESHOLD} to 32 MiB (glibc's maximum), {@code M_TRIM_THRESHOLD} to 1 GiB and {@code M_TOP_PAD} to
 * 64 MiB, so those blocks are reused from malloc's free lists; the cost is a resident size that stays at the
 * process's peak. The same as starting the JVM with {@code MALLOC_MMAP_THRESHOLD_=33554432
 * MALLOC_TRIM_THRESHOLD_=1073741824 MALLOC_TOP_PAD_=67108864}.
 *
 * <p>Linux with glibc only; anywhere else, or when mallopt cannot be called, nothing happens. Off with the system
 * property {@code multitune.malloc.tuning=false} or the environment variable {@code MULTITUNE_MALLOC_TUNING=false};
 * skipped as well when any {@code MALLOC_*_} tunable is already set in the environment (the operator chose).
 */
public final class NativeAllocator {

    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_TOP_PAD = -2;
    private static final int M_MMAP_THRESHOLD = -3;
    private static final int MMAP_THRESHOLD = 32 << 20;
    private static final int TRIM_THRESHOLD = 1 << 30;
    private static final int TOP_PAD = 64 << 20;

    private static boolean attempted;
    private static boolean tuned;

    private NativeAllocator() {
    }

    /** Applies the settings once per process; returns whether they are in effect (set by this class). */
    public static synchronized boolean tune() {
        if (!attempted) {
            attempted = true;
            tuned = enabled() && apply();
        }
        return tuned;
    }

    /** Whether {@link #tune()} changed the allocator's settings in this process. */
    public static synchronized boolean tuned() {
        return tuned;
    }

    private static boolean enabled() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return false;
        }
        String property = System.getProperty("multitune.malloc.tuning");
        String env = System.getenv("MULTITUNE_MALLOC_TUNING");
        if ("false".equalsIgnoreCase(property) || "false".equalsIgnoreCase(env) || "off".equalsIgnoreCase(env)) {
            return false;
        }
        return System.getenv().keySet().stream().noneMatch(k -> k.startsWith("MALLOC_") && k.endsWith("_"));
    }

    private static boolean apply() {
        try {
            Function mallopt = NativeLibrary.getInstance("c").getFunction("mallopt");
            // mallopt answers 1 on success, 0 on error
            boolean ok = mallopt.invokeInt(new Object[] {M_MMAP_THRESHOLD, MMAP_THRESHOLD}) == 1;
            ok &= mallopt.invokeInt(new Object[] {M_TRIM_THRESHOLD, TRIM_THRESHOLD}) == 1;
            ok &= mallopt.invokeInt(new Object[] {M_TOP_PAD, TOP_PAD}) == 1;
            return ok;
        } catch (Throwable e) { // no glibc, no JNA native support: leave the allocator alone
            return false;
        }
    }
}
