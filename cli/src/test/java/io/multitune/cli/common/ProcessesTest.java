package io.multitune.cli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessesTest {
    @TempDir
    Path dir;

    @Test
    void detectsATakenPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertTrue(Processes.portInUse(taken.getLocalPort()));
        }
        assertFalse(Processes.portInUse(Processes.freePort()));
    }

    @Test
    void pidFileRoundTripsAndRecognisesOnlyLiveProcesses() throws Exception {
        Path file = dir.resolve("run").resolve("x.pid");
        PidFile written = PidFile.write(file, ProcessHandle.current(), Map.of("port", "8081", "name", "me"));
        PidFile read = PidFile.read(file).orElseThrow();
        assertEquals(ProcessHandle.current().pid(), read.pid());
        assertEquals(8081, read.intAttribute("port", -1));
        assertEquals("me", read.attribute("name"));
        assertTrue(read.isAlive());
        assertEquals(written.pid(), read.pid());

        Process p = new ProcessBuilder(Processes.javaExecutable(), "-version").start();
        PidFile dead = PidFile.write(dir.resolve("dead.pid"), p, Map.of());
        p.waitFor();
        assertFalse(PidFile.read(dead.path()).orElseThrow().isAlive(), "a finished process is not running");

        Files.writeString(dir.resolve("junk.pid"), "pid=notanumber\n");
        assertEquals(Optional.empty(), PidFile.read(dir.resolve("junk.pid")));
        assertEquals(Optional.empty(), PidFile.read(dir.resolve("missing.pid")));
    }

    @Test
    void stopsAProcessWithSigtermAndTailsLogs() throws Exception {
        Path log = dir.resolve("sleep.log");
        Process p = Processes.startDetached(List.of("sleep", "60"), dir, Map.of(), log);
        assertTrue(p.isAlive());
        assertTrue(Processes.stop(p.pid(), java.time.Duration.ofSeconds(5)));
        assertFalse(p.isAlive());

        Files.write(log, List.of("one", "two", "three"));
        assertEquals(List.of("two", "three"), Processes.tail(log, 2));
        assertEquals(List.of(), Processes.tail(dir.resolve("none.log"), 5));
    }
}
