package io.multitune.cli.broker;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until this command is written in this issue; it fails loudly rather than pretending. */
@Command(name = "broker", description = "(not written yet)")
public final class BrokerCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("multitune broker: not implemented yet");
        return 1;
    }
}
