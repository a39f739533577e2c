package io.multitune.cli.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until this command is written in this issue; it fails loudly rather than pretending. */
@Command(name = "bench", description = "(not written yet)")
public final class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("multitune bench: not implemented yet");
        return 1;
    }
}
