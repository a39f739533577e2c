package io.multitune.cli.services;

import io.multitune.cli.common.PidFile;
import io.multitune.cli.common.Processes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** A running service process started by {@link ServiceLauncher} (or found from its pid file). */
public final class ServiceHandle implements AutoCloseable {
    private final PidFile pidFile;
    private final Duration startupTime;
    private volatile Thread exitHook;

    ServiceHandle(PidFile pidFile, Duration startupTime) {
        this.pidFile = pidFile;
        this.startupTime = startupTime;
    }

    /** The service name, e.g. {@code data-ingest}. */
    public String name() {
        return pidFile.attribute("name");
    }

    /** Its process id. */
    public long pid() {
        return pidFile.pid();
    }

    /** Its HTTP port. */
    public int port() {
        return pidFile.intAttribute("port", -1);
    }

    /** {@code http://localhost:port}. */
    public String baseUrl() {
        return "http://localhost:" + port();
    }

    /** Its log (stdout and stderr). */
    public Path logFile() {
        return Path.of(pidFile.attribute("log"));
    }

    /** The Kafka bootstrap servers it was started with. */
    public String kafka() {
        return pidFile.attribute("kafka");
    }

    /** Its pid file. */
    public Path pidFilePath() {
        return pidFile.path();
    }

    PidFile pidFile() {
        return pidFile;
    }

    /** How long the start took, build excluded only if it was already built (null for a service found running). */
    public Duration startupTime() {
        return startupTime;
    }

    /** Whether the process still runs. */
    public boolean isAlive() {
        return pidFile.isAlive();
    }

    /** Whether {@code /q/health/ready} answers 200 now. */
    public boolean isReady() {
        return isAlive() && ServiceLauncher.isReady(port());
    }

    /** Stops the service when this JVM exits (if not stopped before); returns this. */
    public synchronized ServiceHandle stopOnExit() {
        if (exitHook == null) {
            exitHook = new Thread(() -> stop(Duration.ofSeconds(15)), "multitune-service-stop-" + pid());
            Runtime.getRuntime().addShutdownHook(exitHook);
        }
        return this;
    }

    /** SIGTERM, then SIGKILL after 30 s; removes the pid file. */
    public boolean stop() {
        return stop(ServiceLauncher.DEFAULT_STOP_TIMEOUT);
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

    @Override
    public String toString() {
        return "ServiceHandle[" + name() + ", pid " + pid() + ", " + baseUrl() + "]";
    }
}
