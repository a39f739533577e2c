package io.multitune.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of ./multitune: every subcommand of the launcher. */
@Command(name = "multitune", mixinStandardHelpOptions = true, version = "multitune 0.1.0",
        description = "Multi-task fine-tuning pipeline on Kafka: broker, services, data ingest, runs, demo and "
                + "benchmarks.",
        subcommands = {
                io.multitune.cli.broker.BrokerCommand.class,
                io.multitune.cli.services.ServicesCommand.class,
                io.multitune.cli.ingest.IngestCommand.class,
                io.multitune.cli.run.RunCommand.class,
                io.multitune.cli.demo.DemoCommand.class,
                io.multitune.cli.bench.BenchCommand.class,
                CommandLine.HelpCommand.class
        })
public final class MultituneCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new MultituneCommand()).execute(args));
    }
}
