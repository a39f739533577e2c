package io.multitune.cli.services;

import io.multitune.cli.common.ManagedProcess;
import io.multitune.cli.common.PidFile;
import java.nio.file.Path;
import java.time.Duration;

/** A running service process started by {@link ServiceLauncher} (or found from its pid file). */
public final class ServiceHandle extends ManagedProcess {

    ServiceHandle(PidFile pidFile, Duration startupTime) {
        super(pidFile, startupTime, ServiceLauncher.DEFAULT_STOP_TIMEOUT);
    }

    /** The service name, e.g. {@code data-ingest}. */
    public String name() {
        return record().attribute("name");
    }

    /** Its HTTP port. */
    public int port() {
        return record().intAttribute("port", -1);
    }

    /** {@code http://localhost:port}. */
    public String baseUrl() {
        return "http://localhost:" + port();
    }

    /** Its log (stdout and stderr). */
    public Path logFile() {
        return Path.of(record().attribute("log"));
    }

    /** The Kafka bootstrap servers it was started with. */
    public String kafka() {
        return record().attribute("kafka");
    }

    /** Its pid file. */
    public Path pidFilePath() {
        return record().path();
    }

    PidFile pidFile() {
        return record();
    }

    /** Whether {@code /q/health/ready} answers 200 now. */
    public boolean isReady() {
        return isAlive() && ServiceLauncher.isReady(port());
    }

    /** Stops the service when this JVM exits (if not stopped before); returns this. */
    public ServiceHandle stopOnExit() {
        addStopHook(Duration.ofSeconds(15), "multitune-service-stop-");
        return this;
    }

    @Override
    public String toString() {
        return "ServiceHandle[" + name() + ", pid " + pid() + ", " + baseUrl() + "]";
    }
}
