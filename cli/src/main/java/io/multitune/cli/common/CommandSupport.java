package io.multitune.cli.common;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Runs a command body and turns failures into one clear line on stderr and a non-zero exit code. */
public final class CommandSupport {
    private CommandSupport() {
    }

    /**
     * A command that only groups subcommands ({@code broker}, {@code services}): run on its own it prints its usage
     * and exits 0, as {@code git remote}-style tools do, rather than failing.
     */
    public abstract static class Group implements Callable<Integer> {
        @Spec
        protected CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getOut());
            return 0;
        }
    }

    /**
     * A subcommand whose body prints to the command line's stdout and whose failures go through {@link #run}, so
     * that every subcommand reports errors and exit codes the same way.
     */
    public abstract static class Action implements Callable<Integer> {
        @Spec
        protected CommandSpec spec;

        @Override
        public final Integer call() {
            return run(spec, () -> {
                PrintWriter out = spec.commandLine().getOut();
                try {
                    return execute(out);
                } finally {
                    out.flush(); // stdout before any error line on stderr
                }
            });
        }

        /** The command's work; returns its exit code. */
        protected abstract int execute(PrintWriter out) throws Exception;
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
