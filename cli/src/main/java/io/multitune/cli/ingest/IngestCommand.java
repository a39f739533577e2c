package io.multitune.cli.ingest;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until this command is written in this issue; it fails loudly rather than pretending. */
@Command(name = "ingest", description = "(not written yet)")
public final class IngestCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("multitune ingest: not implemented yet");
        return 1;
    }
}
