package io.multitune.cli.services;

import io.multitune.cli.broker.LocalBroker;
import io.multitune.cli.common.CliException;
import io.multitune.cli.common.CommandSupport;
import io.multitune.cli.common.KafkaSettings;
import io.multitune.cli.common.ProjectLayout;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code multitune services start|stop|status [NAME...]}: the pipeline services as local processes. */
@Command(name = "services", mixinStandardHelpOptions = true,
        description = {"Run the pipeline services as local processes (java -jar .../quarkus-run.jar).",
                "Logs in .multitune/logs/<name>.log, pid files in .multitune/run/.",
                "Services: data-ingest (8081), sampler (8082), trainer (8083), evaluator (8084), bias-auditor (8085);"
                        + " only those present in the repository are available."},
        subcommands = {ServicesCommand.Start.class, ServicesCommand.Stop.class, ServicesCommand.Status.class})
public final class ServicesCommand extends CommandSupport.Group {
    /** Exit code of {@code status} when a service is not running or not ready. */
    public static final int NOT_RUNNING = 3;

    /** {@code services start}. */
    @Command(name = "start", mixinStandardHelpOptions = true,
            description = {"Start services (all available ones when no NAME is given) and wait until each is ready "
                    + "(GET /q/health/ready answers 200).", "Builds a service first if its jar is missing."})
    static final class Start extends CommandSupport.Action {
        @Parameters(paramLabel = "NAME", arity = "0..*", description = "Services to start (default: all available).")
        List<String> names = new ArrayList<>();

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
                description = "How long to wait for each service to be ready (default: ${DEFAULT-VALUE}).")
        int timeoutSeconds;

        @Option(names = "--build", description = "Rebuild the services' modules before starting them.")
        boolean build;

        @Option(names = "--port", paramLabel = "PORT",
                description = "HTTP port (only with one NAME; default: the service's own).")
        Integer port;

        @Option(names = "--no-broker-check", description = "Start even if no Kafka broker answers now.")
        boolean noBrokerCheck;

        @Override
        protected int execute(PrintWriter out) throws Exception {
            KafkaSettings kafka = KafkaSettings.fromEnvironment();
            ServiceLauncher launcher = new ServiceLauncher(ProjectLayout.detect(), kafka)
                    .onProgress(message -> {
                        out.println(message);
                        out.flush();
                    });
            List<ServiceDefinition> services = launcher.catalog().select(names);
            if (services.isEmpty()) {
                throw new CliException("no services in this repository yet");
            }
            if (port != null && services.size() != 1) {
                throw new CliException("--port needs exactly one NAME");
            }
            if (!noBrokerCheck) {
                Optional<String> problem = LocalBroker.probe(kafka.clientConfig(), Duration.ofSeconds(5));
                if (problem.isPresent()) {
                    throw new CliException("no Kafka broker answers at " + kafka.bootstrapServers() + " (" + problem.get()
                            + "); start one with `./multitune broker start`, or set KAFKA_BOOTSTRAP_SERVERS");
                }
            }
            if (build) {
                launcher.build(services);
            } else {
                launcher.ensureBuilt(services);
            }
            for (ServiceDefinition service : services) {
                int p = port != null ? port : service.port();
                try {
                    ServiceHandle handle = launcher.start(service.name(), Map.of(), p, Duration.ofSeconds(timeoutSeconds));
                    out.printf(Locale.ROOT, "%s started (pid %d) on %s in %.1f s; log %s%n", service.name(), handle.pid(),
                            handle.baseUrl(), handle.startupTime().toMillis() / 1000.0,
                            ProjectLayout.detect().display(handle.logFile()));
                } catch (ServiceLauncher.AlreadyRunningException e) {
                    out.println(e.getMessage());
                }
                out.flush();
            }
            return 0;
        }
    }

    /** {@code services stop}. */
    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop services (all when no NAME is given): SIGTERM, then SIGKILL after the timeout.")
    static final class Stop extends CommandSupport.Action {
        @Parameters(paramLabel = "NAME", arity = "0..*", description = "Services to stop (default: all).")
        List<String> names = new ArrayList<>();

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
                description = "Seconds to wait after SIGTERM before SIGKILL (default: ${DEFAULT-VALUE}).")
        int timeoutSeconds;

        @Override
        protected int execute(PrintWriter out) throws Exception {
            ServiceLauncher launcher = new ServiceLauncher(ProjectLayout.detect(), KafkaSettings.fromEnvironment());
            List<ServiceDefinition> services = new ArrayList<>(launcher.catalog().select(names));
            java.util.Collections.reverse(services); // downstream first
            for (ServiceDefinition service : services) {
                Optional<ServiceHandle> handle = launcher.running(service.name());
                if (handle.isEmpty()) {
                    if (!names.isEmpty()) {
                        out.println(service.name() + " is not running");
                    }
                    continue;
                }
                long pid = handle.get().pid();
                launcher.stop(service.name(), Duration.ofSeconds(timeoutSeconds));
                out.println(service.name() + " stopped (pid " + pid + ")");
            }
            return 0;
        }
    }

    /** {@code services status}. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Show name, pid, port and readiness of services (all available when no NAME is given).",
                    "Exit code 0 if all shown are running and ready, " + NOT_RUNNING + " if not."})
    static final class Status extends CommandSupport.Action {
        @Parameters(paramLabel = "NAME", arity = "0..*", description = "Services to show (default: all available).")
        List<String> names = new ArrayList<>();

        @Override
        protected int execute(PrintWriter out) throws Exception {
            ServiceLauncher launcher = new ServiceLauncher(ProjectLayout.detect(), KafkaSettings.fromEnvironment());
            List<ServiceLauncher.Status> rows = launcher.status(names);
            if (rows.isEmpty()) {
                out.println("no services in this repository yet");
                return NOT_RUNNING;
            }
            out.print(table(rows));
            return rows.stream().allMatch(r -> r.running() && r.ready()) ? 0 : NOT_RUNNING;
        }
    }

    /** The status table: NAME, PID, PORT, READY. */
    static String table(List<ServiceLauncher.Status> rows) {
        int width = Math.max(4, rows.stream().mapToInt(r -> r.name().length()).max().orElse(4));
        String format = "%-" + width + "s  %-8s  %-5s  %s%n";
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, format, "NAME", "PID", "PORT", "READY"));
        for (ServiceLauncher.Status r : rows) {
            sb.append(String.format(Locale.ROOT, format, r.name(), r.running() ? r.pid().toString() : "-",
                    Integer.toString(r.port()), r.running() ? (r.ready() ? "yes" : "no") : "stopped"));
        }
        return sb.toString();
    }
}
