package io.multitune.encoder.onnx;

/**
 * How {@link OrtMultiTaskRunner} sets up ONNX Runtime.
 *
 * @param intraOpThreads threads per inference call; 0 lets ONNX Runtime choose (one per physical core). Set it
 *                       below the core count when the service shares the machine with a trainer
 * @param allowSpinning  whether idle intra-op threads busy-wait for the next piece of work. Spinning shaves latency
 *                       on a dedicated machine but, under CPU contention, burns the cores other processes need
 *                       (STACK.md), so it is off by default
 * @param preferCuda     use the CUDA execution provider when it is available (the {@code onnxruntime_gpu} artifact
 *                       instead of {@code onnxruntime}) and a GPU can be used; otherwise the CPU
 * @param cudaDevice     which GPU
 */
public record OrtRunnerOptions(int intraOpThreads, boolean allowSpinning, boolean preferCuda, int cudaDevice) {

    public OrtRunnerOptions {
        if (intraOpThreads < 0 || cudaDevice < 0) {
            throw new IllegalArgumentException("thread count and device must be >= 0");
        }
    }

    /** ONNX Runtime's thread count, no spinning, CUDA when available. */
    public static OrtRunnerOptions defaults() {
        return new OrtRunnerOptions(0, false, true, 0);
    }

    public OrtRunnerOptions withIntraOpThreads(int threads) {
        return new OrtRunnerOptions(threads, allowSpinning, preferCuda, cudaDevice);
    }

    public OrtRunnerOptions withSpinning(boolean spinning) {
        return new OrtRunnerOptions(intraOpThreads, spinning, preferCuda, cudaDevice);
    }

    public OrtRunnerOptions cpuOnly() {
        return new OrtRunnerOptions(intraOpThreads, allowSpinning, false, cudaDevice);
    }
}
