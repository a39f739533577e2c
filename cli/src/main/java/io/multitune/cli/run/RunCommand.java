package io.multitune.cli.run;

import io.multitune.cli.common.CommandSupport;
import picocli.CommandLine.Command;

/** {@code multitune run submit|watch|report|list}: multi-task runs, from the request to the verdict. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Multi-task runs: submit a run request and print the sampler's plan; watch a run to its "
                + "verdict; print a run's verdict and report; list the runs.",
        subcommands = {RunSubmitCommand.class, RunWatchCommand.class, RunReportCommand.class, RunListCommand.class})
public final class RunCommand extends CommandSupport.Group {
}
