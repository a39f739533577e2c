package io.multitune.cli.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bench}: benchmarks that print figures as key=value lines, the last being {@code RESULT ...}. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks; each prints key=value figures and a final RESULT line.",
        subcommands = {IngestBench.class, SamplerBench.class, TrainerBench.class, EvaluatorBench.class,
                AuditorBench.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
