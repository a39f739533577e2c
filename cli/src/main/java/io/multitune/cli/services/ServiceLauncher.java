package io.multitune.cli.services;

import io.multitune.cli.common.CliException;
import io.multitune.cli.common.KafkaSettings;
import io.multitune.cli.common.PidFile;
import io.multitune.cli.common.Processes;
import io.multitune.cli.common.ProjectLayout;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Starts, finds and stops the pipeline services, each as its own {@code java -jar quarkus-run.jar} process that
 * outlives the CLI.
 *
 * <pre>{@code
 * ServiceLauncher launcher = ServiceLauncher.forProject();
 * ServiceHandle ingest = launcher.start("data-ingest", Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers()), 18081);
 * try { ... ingest.baseUrl() ... } finally { ingest.stop(); }
 * }</pre>
 *
 * <p>A service's environment: {@code DJL_OFFLINE=true}, {@code OPT_OUT_TRACKING=true}, {@code OMP_WAIT_POLICY=PASSIVE},
 * {@code KAFKA_BOOTSTRAP_SERVERS} (and the Kafka security variables) from {@link KafkaSettings},
 * {@code MULTITUNE_ARTIFACT_ROOT=<repo>/.multitune/artifacts}, {@code DJL_CACHE_DIR=<repo>/.multitune/djl-cache},
 * then the caller's extra variables, which win. Its log is {@code .multitune/logs/<name>.log} (the previous one is
 * kept as {@code .log.1}) and its pid file {@code .multitune/run/<name>.pid}; on a port other than its default they
 * are {@code <name>-<port>.log} and {@code <name>-<port>.pid}, so a benchmark's instance does not clash with the
 * user's.
 */
public final class ServiceLauncher {
    /** How long {@link #start} waits for {@code /q/health/ready} by default. */
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(120);
    /** How long {@code stop} waits after SIGTERM before SIGKILL by default. */
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);
    /** Environment variable with extra JVM options for every service (whitespace-separated). */
    public static final String JAVA_OPTS_ENV = "MULTITUNE_SERVICE_JAVA_OPTS";
    /** The artifact root variable the services read. */
    public static final String ARTIFACT_ROOT_ENV = "MULTITUNE_ARTIFACT_ROOT";

    private final ProjectLayout layout;
    private final ServiceCatalog catalog;
    private final KafkaSettings kafka;
    private Consumer<String> progress = message -> { };

    /** A launcher for the services of {@code layout}, connecting them to {@code kafka}. */
    public ServiceLauncher(ProjectLayout layout, KafkaSettings kafka) {
        this.layout = layout;
        this.catalog = new ServiceCatalog(layout);
        this.kafka = kafka;
    }

    /** A launcher for this repository, with the Kafka settings of the environment. */
    public static ServiceLauncher forProject() {
        return new ServiceLauncher(ProjectLayout.detect(), KafkaSettings.fromEnvironment());
    }

    /** Where progress messages ("building services/x ...") go; none by default. */
    public ServiceLauncher onProgress(Consumer<String> listener) {
        this.progress = listener == null ? message -> { } : listener;
        return this;
    }

    /** The catalog of available services. */
    public ServiceCatalog catalog() {
        return catalog;
    }

    /** The service is already running; {@link #handle()} is it. */
    public static final class AlreadyRunningException extends CliException {
        private static final long serialVersionUID = 1L;
        private final transient ServiceHandle handle;

        AlreadyRunningException(ServiceHandle handle) {
            super(handle.name() + " already running (pid " + handle.pid() + ") on port " + handle.port());
            this.handle = handle;
        }

        public ServiceHandle handle() {
            return handle;
        }
    }

    /** Starts a service on its default port and waits until it is ready. */
    public ServiceHandle start(String name) {
        ServiceDefinition service = catalog.require(name);
        return start(name, Map.of(), service.port(), DEFAULT_READY_TIMEOUT);
    }

    /** Starts a service on {@code port} with extra environment variables and waits (120 s) until it is ready. */
    public ServiceHandle start(String name, Map<String, String> extraEnv, int port) {
        return start(name, extraEnv, port, DEFAULT_READY_TIMEOUT);
    }

    /**
     * Starts a service and waits until {@code http://localhost:port/q/health/ready} answers 200. Builds its module
     * first if its jar is missing.
     *
     * @param extraEnv     extra environment variables; they override the defaults (e.g. KAFKA_BOOTSTRAP_SERVERS)
     * @param port         its HTTP port
     * @param readyTimeout how long to wait; on timeout the process is stopped
     * @throws AlreadyRunningException if this service already runs on this port (from this pid file)
     * @throws CliException            if the port is taken, the build fails, or it does not get ready (the message
     *                                 carries the end of its log)
     */
    public ServiceHandle start(String name, Map<String, String> extraEnv, int port, Duration readyTimeout) {
        ServiceDefinition service = catalog.require(name);
        long t0 = System.nanoTime();
        Path pidPath = pidFile(service, port);
        Optional<ServiceHandle> running = running(service, port);
        if (running.isPresent()) {
            throw new AlreadyRunningException(running.get());
        }
        if (Processes.portInUse(port)) {
            throw new CliException("port " + port + " (" + name + ") is in use by another process; stop it or use another port");
        }
        ensureBuilt(List.of(service));

        Path log = logFile(service, port);
        rotate(log);
        Map<String, String> env = environment(extraEnv);
        List<String> command = new ArrayList<>();
        command.add(Processes.javaExecutable());
        command.addAll(service.jvmOptions());
        command.addAll(javaOptsFromEnvironment());
        command.add("-Dquarkus.http.port=" + port);
        command.add("-jar");
        command.add(service.runJar(layout.root()).toString());
        Process process = Processes.startDetached(command, layout.root(), env, log);

        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("name", name);
        attributes.put("port", Integer.toString(port));
        attributes.put("log", log.toString());
        attributes.put("kafka", env.getOrDefault(KafkaSettings.BOOTSTRAP_ENV, ""));
        ServiceHandle handle = new ServiceHandle(PidFile.write(pidPath, process, attributes), null);
        try {
            awaitReady(handle, process, readyTimeout);
        } catch (RuntimeException e) {
            handle.stop(Duration.ofSeconds(10));
            throw e;
        }
        return new ServiceHandle(handle.pidFile(), Duration.ofNanos(System.nanoTime() - t0));
    }

    /** The instance of {@code name} on its default port, if it runs. */
    public Optional<ServiceHandle> running(String name) {
        ServiceDefinition service = catalog.require(name);
        return running(service, service.port());
    }

    /** The instance of {@code service} on {@code port}, if it runs. */
    public Optional<ServiceHandle> running(ServiceDefinition service, int port) {
        return PidFile.read(pidFile(service, port)).filter(PidFile::isAlive).map(p -> new ServiceHandle(p, null));
    }

    /**
     * Stops the instance of {@code name} on its default port.
     *
     * @return false if it was not running
     */
    public boolean stop(String name, Duration grace) {
        Optional<ServiceHandle> handle = running(name);
        if (handle.isEmpty()) {
            return false;
        }
        if (!handle.get().stop(grace)) {
            throw new CliException(name + " (pid " + handle.get().pid() + ") did not stop, even after SIGKILL");
        }
        return true;
    }

    /** One row of {@code services status}. */
    public record Status(String name, int port, Long pid, boolean running, boolean ready) {
    }

    /** The status of the named services (all available when empty) on their default ports. */
    public List<Status> status(List<String> names) {
        List<Status> rows = new ArrayList<>();
        for (ServiceDefinition service : catalog.select(names)) {
            Optional<ServiceHandle> handle = running(service, service.port());
            rows.add(handle.map(h -> new Status(service.name(), h.port(), h.pid(), true, h.isReady()))
                    .orElseGet(() -> new Status(service.name(), service.port(), null, false, false)));
        }
        return rows;
    }

    /** Builds the modules of the services whose jar is missing (one Maven run for all of them). */
    public void ensureBuilt(List<ServiceDefinition> services) {
        List<ServiceDefinition> missing = services.stream()
                .filter(s -> !Files.isRegularFile(s.runJar(layout.root()))).toList();
        if (missing.isEmpty()) {
            for (ServiceDefinition s : services) {
                if (isStale(s)) {
                    progress.accept("note: " + s.module() + " changed since its last build; `services start --build` rebuilds it");
                }
            }
            return;
        }
        build(missing);
    }

    /** Builds the modules of these services: {@code ./mvnw -q -B -T 2 -pl <modules> -am install -DskipTests}. */
    public void build(List<ServiceDefinition> services) {
        if (services.isEmpty()) {
            return;
        }
        String modules = services.stream().map(ServiceDefinition::module).collect(Collectors.joining(","));
        String names = services.stream().map(ServiceDefinition::name).collect(Collectors.joining("-"));
        Path log = ProjectLayout.ensureDir(layout.logsDir()).resolve("build-" + names + ".log");
        rotate(log);
        List<String> command = List.of(layout.mvnw().toString(), "-q", "-B", "-T", "2", "-pl", modules, "-am",
                "install", "-DskipTests");
        progress.accept("building " + modules + " (" + String.join(" ", command.subList(1, command.size()))
                + "); output in " + layout.display(log));
        int exit;
        try {
            exit = Processes.runToCompletion(command, layout.root(), Map.of(), log, Duration.ofMinutes(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while building " + modules);
        }
        if (exit != 0) {
            throw new CliException("building " + modules + " failed (exit " + exit + ")", 1,
                    Processes.tailForHumans(log, 25, layout), null);
        }
        for (ServiceDefinition s : services) {
            if (!Files.isRegularFile(s.runJar(layout.root()))) {
                throw new CliException("built " + s.module() + " but " + layout.display(s.runJar(layout.root()))
                        + " is missing: is the quarkus-maven-plugin's build goal in its pom?");
            }
        }
    }

    /** Whether the module's sources or pom are newer than its packaged jar. */
    public boolean isStale(ServiceDefinition service) {
        Path jar = service.runJar(layout.root());
        if (!Files.isRegularFile(jar)) {
            return true;
        }
        try {
            FileTime built = Files.getLastModifiedTime(jar);
            Path module = service.moduleDir(layout.root());
            if (Files.getLastModifiedTime(module.resolve("pom.xml")).compareTo(built) > 0) {
                return true;
            }
            Path src = module.resolve("src").resolve("main");
            if (!Files.isDirectory(src)) {
                return false;
            }
            try (Stream<Path> files = Files.walk(src)) {
                return files.filter(Files::isRegularFile).anyMatch(f -> {
                    try {
                        return Files.getLastModifiedTime(f).compareTo(built) > 0;
                    } catch (IOException e) {
                        return false;
                    }
                });
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** The environment of a service process (without the inherited one). */
    Map<String, String> environment(Map<String, String> extraEnv) {
        Map<String, String> env = new LinkedHashMap<>(Processes.CHILD_ENVIRONMENT);
        env.putAll(kafka.serviceEnvironment());
        env.put(ARTIFACT_ROOT_ENV, ProjectLayout.ensureDir(layout.artifactsDir()).toString());
        env.put("DJL_CACHE_DIR", layout.stateDir().resolve("djl-cache").toString());
        if (extraEnv != null) {
            env.putAll(extraEnv);
        }
        return env;
    }

    private static List<String> javaOptsFromEnvironment() {
        String opts = System.getenv(JAVA_OPTS_ENV);
        return opts == null || opts.isBlank() ? List.of() : Arrays.asList(opts.trim().split("\\s+"));
    }

    /** {@code .multitune/run/<name>.pid}, or {@code <name>-<port>.pid} off its default port. */
    public Path pidFile(ServiceDefinition service, int port) {
        return layout.runDir().resolve(instanceName(service, port) + ".pid");
    }

    /** {@code .multitune/logs/<name>.log}, or {@code <name>-<port>.log} off its default port. */
    public Path logFile(ServiceDefinition service, int port) {
        return layout.logsDir().resolve(instanceName(service, port) + ".log");
    }

    private static String instanceName(ServiceDefinition service, int port) {
        return port == service.port() ? service.name() : service.name() + "-" + port;
    }

    private static void rotate(Path log) {
        try {
            ProjectLayout.ensureDir(log.toAbsolutePath().getParent());
            if (Files.isRegularFile(log) && Files.size(log) > 0) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException ignored) {
            // then it appends
        }
    }

    private void awaitReady(ServiceHandle handle, Process process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new CliException(handle.name() + " exited during start-up (exit code " + process.exitValue() + ")",
                        1, Processes.tailForHumans(handle.logFile(), 20, layout), null);
            }
            if (isReady(handle.port())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new CliException(handle.name() + " was not ready on " + ServiceDefinition.readinessUrl(handle.port())
                        + " within " + timeout.toSeconds() + " s (is Kafka at " + handle.kafka() + " up?); stopped it",
                        1, Processes.tailForHumans(handle.logFile(), 20, layout), null);
            }
            Processes.sleep(Duration.ofMillis(500));
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** Whether {@code /q/health/ready} on this port answers 200. */
    public static boolean isReady(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ServiceDefinition.readinessUrl(port)))
                .timeout(Duration.ofSeconds(3)).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
