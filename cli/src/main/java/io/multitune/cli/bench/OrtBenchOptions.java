package io.multitune.cli.bench;

import picocli.CommandLine.Option;

/**
 * The options {@code bench evaluator} and {@code bench auditor} share: both time a service's ONNX Runtime path against
 * a bare ONNX Runtime loop, batch by batch, in alternating rounds.
 */
final class OrtBenchOptions {
    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "32",
            description = "Inputs per model run, in both paths (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "ONNX Runtime intra-op threads, both sessions; 0: ONNX Runtime's choice, one per physical "
                    + "core (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "5",
            description = "Measured rounds: one pass of each path per round (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1",
            description = "Warm-up rounds, not measured (default: ${DEFAULT-VALUE}).")
    int warmup;
}
