package io.multitune.encoder.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;

/**
 * Opens ONNX Runtime sessions with {@link OrtRunnerOptions}: thread settings, then the CUDA execution provider where
 * it can be used, else the CPU. The CUDA branch is untested in this repository (no GPU build of ONNX Runtime on
 * the development machines); it is kept small and falls back to the CPU on any failure.
 */
final class OrtSessions {

    /** Where the model bytes come from (memory or file). */
    @FunctionalInterface
    interface Source {
        OrtSession open(OrtEnvironment environment, OrtSession.SessionOptions options) throws OrtException;
    }

    /** An open session and the execution provider it runs on ("CUDA" or "CPU"). */
    record Opened(OrtSession session, String provider) {
    }

    private OrtSessions() {
    }

    static Opened open(OrtEnvironment environment, Source source, OrtRunnerOptions options) throws OrtException {
        // The CPU artifact lists only the CPU provider; onnxruntime_gpu lists CUDA even on a machine without a GPU,
        // and then fails when the provider is added or the session created: fall back rather than refuse to serve.
        if (options.preferCuda() && OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
            try (OrtSession.SessionOptions cuda = baseOptions(options)) {
                cuda.addCUDA(options.cudaDevice());
                return new Opened(source.open(environment, cuda), "CUDA");
            } catch (OrtException | RuntimeException e) {
                // The logger is looked up only here: opening a CPU session touches no logging framework.
                System.getLogger(OrtSessions.class.getName()).log(System.Logger.Level.WARNING,
                        "CUDA execution provider unavailable, running on the CPU: {0}", e.getMessage());
            }
        }
        try (OrtSession.SessionOptions cpu = baseOptions(options)) {
            return new Opened(source.open(environment, cpu), "CPU");
        }
    }

    private static OrtSession.SessionOptions baseOptions(OrtRunnerOptions options) throws OrtException {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        try {
            if (options.intraOpThreads() > 0) {
                o.setIntraOpNumThreads(options.intraOpThreads());
            }
            o.addConfigEntry("session.intra_op.allow_spinning", options.allowSpinning() ? "1" : "0");
            return o;
        } catch (OrtException e) {
            o.close();
            throw e;
        }
    }
}
