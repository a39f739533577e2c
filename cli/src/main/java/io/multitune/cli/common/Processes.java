package io.multitune.cli.common;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Process, port and log helpers shared by {@code broker} and {@code services}. */
public final class Processes {
    /**
     * Set for every process the CLI starts: DJL never phones home or downloads, idle OpenMP threads do not spin (they
     * steal the CPU from other processes otherwise).
     */
    public static final Map<String, String> CHILD_ENVIRONMENT = Map.of(
            "DJL_OFFLINE", "true",
            "OPT_OUT_TRACKING", "true",
            "OMP_WAIT_POLICY", "PASSIVE");

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private Processes() {
    }

    /** The {@code java} executable of the running JVM. */
    public static String javaExecutable() {
        Path java = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
        return Files.isExecutable(java) ? java.toString() : "java";
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    }

    /**
     * Starts a long-running process detached from the CLI: its own session (so Ctrl-C in the terminal and the CLI's
     * exit do not reach it), stdin from /dev/null, stdout and stderr appended to {@code log}, and
     * {@link #CHILD_ENVIRONMENT} plus {@code env} in its environment.
     */
    public static Process startDetached(List<String> command, Path workDir, Map<String, String> env, Path log) {
        List<String> full = new ArrayList<>();
        if (!isWindows() && Files.isExecutable(SETSID)) {
            full.add(SETSID.toString()); // exec's the command: the pid stays the same
        }
        full.addAll(command);
        ProcessBuilder pb = logged(full, workDir, env, log);
        try {
            return pb.start();
        } catch (IOException e) {
            throw new CliException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs a command to completion with its output appended to {@code log}.
     *
     * @return the exit code
     */
    public static int runToCompletion(List<String> command, Path workDir, Map<String, String> env, Path log,
                                      Duration timeout) throws InterruptedException {
        ProcessBuilder pb = logged(command, workDir, env, log);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new CliException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new CliException(String.join(" ", command) + " did not finish within " + timeout.toSeconds() + " s");
        }
        return p.exitValue();
    }

    /**
     * A process builder for a non-interactive child: {@link #CHILD_ENVIRONMENT} plus {@code env}, stdin from
     * /dev/null (so it never waits on the terminal), stdout and stderr appended to {@code log} (kept across runs).
     */
    private static ProcessBuilder logged(List<String> command, Path workDir, Map<String, String> env, Path log) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().putAll(CHILD_ENVIRONMENT);
        pb.environment().putAll(env);
        ProjectLayout.ensureDir(log.toAbsolutePath().getParent());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.redirectInput(ProcessBuilder.Redirect.from(new File(isWindows() ? "NUL" : "/dev/null")));
        return pb;
    }

    /** The live process with this pid, if any. */
    public static Optional<ProcessHandle> alive(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    }

    /** The command line of a process, when the OS tells (empty otherwise). */
    public static String commandLine(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        StringBuilder sb = new StringBuilder(info.command().orElse(""));
        info.arguments().ifPresent(args -> {
            for (String a : args) {
                sb.append(' ').append(a);
            }
        });
        return sb.toString();
    }

    /** Live processes of this user whose command line passes {@code test}. */
    public static List<ProcessHandle> findByCommandLine(Predicate<String> test) {
        List<ProcessHandle> out = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self && p.isAlive())
                .forEach(p -> {
                    String cmd = commandLine(p);
                    if (!cmd.isEmpty() && test.test(cmd)) {
                        out.add(p);
                    }
                });
        return out;
    }

    /**
     * Stops a process gracefully: SIGTERM, wait up to {@code grace}, then SIGKILL and wait a little more.
     *
     * @return true if it is gone
     */
    public static boolean stop(long pid, Duration grace) {
        Optional<ProcessHandle> handle = alive(pid);
        if (handle.isEmpty()) {
            return true;
        }
        ProcessHandle p = handle.get();
        p.destroy(); // SIGTERM on Unix
        if (waitForExit(p, grace)) {
            return true;
        }
        p.destroyForcibly(); // SIGKILL
        return waitForExit(p, Duration.ofSeconds(10));
    }

    private static boolean waitForExit(ProcessHandle p, Duration timeout) {
        try {
            p.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !p.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !p.isAlive();
        }
    }

    /**
     * Whether a TCP port is taken on this machine: something listens on it or it cannot be bound on the loopback
     * address.
     */
    public static boolean portInUse(int port) {
        if (canConnect("127.0.0.1", port, Duration.ofMillis(300))) {
            return true;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Whether something accepts TCP connections at host:port. */
    public static boolean canConnect(String host, int port, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A TCP port on the loopback interface that is free right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port: " + e.getMessage(), e);
        }
    }

    /** The last {@code lines} lines of a text file (reads at most its last 64 KiB); empty if missing. */
    public static List<String> tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long from = Math.max(0, length - 64 * 1024);
            byte[] bytes = new byte[(int) (length - from)];
            raf.seek(from);
            raf.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\r?\n");
            int start = Math.max(from > 0 ? 1 : 0, all.length - lines); // the first line may be cut: skip it
            List<String> out = new ArrayList<>();
            for (int i = start; i < all.length; i++) {
                out.add(all[i]);
            }
            return out;
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
    }

    /** The last lines of a log, indented, under a heading naming it; for error details. */
    public static String tailForHumans(Path file, int lines, ProjectLayout layout) {
        List<String> tail = tail(file, lines);
        if (tail.isEmpty()) {
            return "  (" + (layout == null ? file : layout.display(file)) + " is empty)";
        }
        StringBuilder sb = new StringBuilder("last lines of " + (layout == null ? file : layout.display(file)) + ":\n");
        for (String line : tail) {
            sb.append("  ").append(line).append('\n');
        }
        return sb.toString();
    }

    /** Sleeps, turning an interrupt into a {@link CliException}. */
    public static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }

    /** A mutable copy of a map, keeping order; for building environments. */
    public static Map<String, String> copy(Map<String, String> map) {
        return new LinkedHashMap<>(map == null ? Map.of() : map);
    }
}
