package io.multitune.cli.demo;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until this command is written in this issue; it fails loudly rather than pretending. */
@Command(name = "demo", description = "(not written yet)")
public final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("multitune demo: not implemented yet");
        return 1;
    }
}
