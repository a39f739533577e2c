package io.multitune.cli.run;

import io.multitune.cli.common.CommandSupport;
import picocli.CommandLine.Command;

/** {@code multitune run submit}: run requests for the sampler. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Multi-task runs: submit a run request and print the sampler's plan.",
        subcommands = {RunSubmitCommand.class})
public final class RunCommand extends CommandSupport.Group {
}
