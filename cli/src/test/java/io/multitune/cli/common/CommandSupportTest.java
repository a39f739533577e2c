package io.multitune.cli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class CommandSupportTest {

    @Command(name = "grp", subcommands = {Ok.class, Fails.class})
    static final class Grp extends CommandSupport.Group {
    }

    @Command(name = "ok")
    static final class Ok extends CommandSupport.Action {
        @Override
        protected int execute(PrintWriter out) {
            out.print("hello"); // no newline: the base class must flush it
            return 0;
        }
    }

    @Command(name = "fails")
    static final class Fails extends CommandSupport.Action {
        @Override
        protected int execute(PrintWriter out) {
            throw new CliException("boom", 7, null, null);
        }
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new Grp());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void groupAloneprintsUsage() {
        assertEquals(0, run());
        assertTrue(out.toString().contains("Usage: grp"), out.toString());
    }

    @Test
    void actionPrintsToStdoutAndFlushes() {
        assertEquals(0, run("ok"));
        assertEquals("hello", out.toString());
    }

    @Test
    void actionFailureIsOneLineWithTheQualifiedName() {
        assertEquals(7, run("fails"));
        assertEquals("grp fails: boom", err.toString().strip());
    }
}
