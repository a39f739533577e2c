package io.multitune.cli.common;

import java.time.Duration;
import java.util.Optional;

/**
 * A long-running process the CLI started (or found) and tracks through its {@link PidFile}: the broker and the
 * services. The pid file, not a {@link Process}, is the source of truth, so a later CLI run can stop what an earlier
 * one started; stopping removes it so the next run does not find a stale entry.
 */
public abstract class ManagedProcess implements AutoCloseable {
    private final PidFile pidFile;
    private final Duration startupTime;
    private final Duration defaultStopTimeout;
    private volatile Thread exitHook;

    protected ManagedProcess(PidFile pidFile, Duration startupTime, Duration defaultStopTimeout) {
        this.pidFile = pidFile;
        this.startupTime = startupTime;
        this.defaultStopTimeout = defaultStopTimeout;
    }

    /** The pid file record, for the subclasses' attributes (port, address, ...). */
    protected final PidFile record() {
        return pidFile;
    }

    /** Its process id. */
    public long pid() {
        return pidFile.pid();
    }

    /** How long the start took (null for a process found running). */
    public Duration startupTime() {
        return startupTime;
    }

    /** Whether the process still runs. */
    public boolean isAlive() {
        return pidFile.isAlive();
    }

    /**
     * Stops the process when this JVM exits, unless stopped before; for tests and benchmarks, which must not leave
     * processes behind. Subclasses expose it as {@code stopOnExit()} returning their own type.
     */
    protected final synchronized void addStopHook(Duration grace, String threadNamePrefix) {
        if (exitHook == null) {
            exitHook = new Thread(() -> stop(grace), threadNamePrefix + pid());
            Runtime.getRuntime().addShutdownHook(exitHook);
        }
    }

    /** SIGTERM, then SIGKILL after the default stop timeout; removes the pid file. */
    public boolean stop() {
        return stop(defaultStopTimeout);
    }

    /**
     * SIGTERM, then SIGKILL after {@code grace}; removes the pid file.
     *
     * @return true if the process is gone
     */
    public boolean stop(Duration grace) {
        Optional<ProcessHandle> process = pidFile.process();
        boolean gone = process.isEmpty() || Processes.stop(process.get().pid(), grace);
        if (gone) {
            pidFile.delete();
        }
        Thread hook = exitHook;
        // the hook itself calls stop(): removing a running hook throws, and it is no longer needed anyway
        if (hook != null && hook != Thread.currentThread()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
        }
        return gone;
    }

    @Override
    public void close() {
        stop();
    }
}
