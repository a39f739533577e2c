package io.multitune.cli.common;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** Runs a command body and turns failures into one clear line on stderr and a non-zero exit code. */
public final class CommandSupport {
    private CommandSupport() {
    }

    /** Runs {@code body}; a {@link CliException} or any other failure becomes "multitune sub cmd: message". */
    public static int run(CommandSpec spec, Callable<Integer> body) {
        PrintWriter err = spec.commandLine().getErr();
        String prefix = spec.qualifiedName();
        try {
            return body.call();
        } catch (CliException e) {
            err.println(prefix + ": " + e.getMessage());
            if (e.details() != null && !e.details().isBlank()) {
                err.println(e.details().stripTrailing());
            }
            err.flush();
            return e.exitCode();
        } catch (UncheckedIOException e) {
            err.println(prefix + ": " + e.getMessage());
            err.flush();
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(prefix + ": interrupted");
            err.flush();
            return 130;
        } catch (Exception e) {
            err.println(prefix + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
            err.flush();
            return 1;
        }
    }
}
