package io.multitune.cli.services;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until this command is written in this issue; it fails loudly rather than pretending. */
@Command(name = "services", description = "(not written yet)")
public final class ServicesCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("multitune services: not implemented yet");
        return 1;
    }
}
