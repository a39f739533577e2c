package io.multitune.cli.broker;

import io.multitune.cli.common.CliException;
import io.multitune.cli.common.KafkaSettings;
import io.multitune.cli.common.ManagedProcess;
import io.multitune.cli.common.PidFile;
import io.multitune.cli.common.Processes;
import io.multitune.cli.common.ProjectLayout;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft Kafka broker (broker and controller in one process), run as its own {@code java} process
 * from the Kafka jars on Maven Central; it outlives the JVM that starts it until {@link Handle#stop()}.
 *
 * <pre>{@code
 * LocalBroker.Handle broker = LocalBroker.start(Path.of(".multitune/bench/broker"), 19092);
 * try { ... broker.bootstrapServers() ... } finally { broker.stop(); }
 * }</pre>
 *
 * <p>Its folder holds {@code server.properties}, {@code log4j2.properties}, {@code cluster.properties} (cluster id
 * and controller port, fixed at format time), {@code data/} (topics and the KRaft metadata log) and {@code logs/}
 * ({@code server.log}, the broker's log; {@code console.log}, its stdout and stderr). The folder is formatted once
 * ({@code kafka.tools.StorageTool format --standalone}); later starts reuse its data.
 *
 * <p>Broker settings ({@link #renderServerProperties}): listeners on localhost only; auto topic creation on with
 * {@value #DEFAULT_PARTITIONS} partitions (so a consumer group can spread over a few replicas, as the sampler's and
 * trainer's do); replication factor 1 everywhere; no initial rebalance delay. The client listener is PLAINTEXT, or,
 * with {@link Options#withSaslPlain}, SASL_PLAINTEXT with mechanism PLAIN and one user (for tests of clients that
 * must authenticate; {@code multitune broker start} never uses it); the controller listener is PLAINTEXT.
 */
public final class LocalBroker {
    /** Partitions of auto-created topics. */
    public static final int DEFAULT_PARTITIONS = 3;
    /** How long {@link #start} waits for the broker to answer. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(90);
    /** How long {@link Handle#stop()} waits after SIGTERM before SIGKILL. */
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);
    /** JVM options of the broker unless {@code $MULTITUNE_BROKER_JAVA_OPTS} replaces them. */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-Xms128m", "-Xmx768m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
            "-XX:InitiatingHeapOccupancyPercent=35", "-XX:+ExplicitGCInvokesConcurrent", "-Djava.awt.headless=true");
    /** Environment variable replacing {@link #DEFAULT_JVM_OPTIONS} (whitespace-separated). */
    public static final String JAVA_OPTS_ENV = "MULTITUNE_BROKER_JAVA_OPTS";
    /** Environment variable with the broker classpath file, overriding the one the CLI's build writes. */
    public static final String CLASSPATH_FILE_ENV = "MULTITUNE_BROKER_CLASSPATH_FILE";

    static final String MAIN_CLASS = "kafka.Kafka";
    static final String STORAGE_TOOL = "kafka.tools.StorageTool";

    private LocalBroker() {
    }

    /**
     * How to start a broker.
     *
     * @param dataDir        its folder (config, data, logs); created if missing
     * @param port           the client port on localhost
     * @param controllerPort the KRaft controller port; 0: the one recorded at format time, else port+1 if free, else
     *                       any free port
     * @param pidFile        where its pid file goes (default {@code dataDir/broker.pid})
     * @param classpathFile  the file listing the broker's jars (default: {@code $MULTITUNE_BROKER_CLASSPATH_FILE}, else
     *                       {@code cli/target/broker-classpath.txt} of the repository)
     * @param startTimeout   how long to wait for it to answer
     * @param overrides      extra or replaced {@code server.properties} settings
     * @param saslPlain      null: a PLAINTEXT client listener; else a SASL_PLAINTEXT one that accepts only this user
     */
    public record Options(Path dataDir, int port, int controllerPort, Path pidFile, Path classpathFile,
                          Duration startTimeout, Map<String, String> overrides, SaslPlain saslPlain) {
        public Options {
            Objects.requireNonNull(dataDir, "dataDir");
            dataDir = dataDir.toAbsolutePath().normalize();
            if (port <= 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 1..65535, not " + port);
            }
            pidFile = pidFile == null ? dataDir.resolve("broker.pid") : pidFile.toAbsolutePath().normalize();
            startTimeout = startTimeout == null ? DEFAULT_START_TIMEOUT : startTimeout;
            overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
        }

        /** Defaults for a folder and a port. */
        public static Options of(Path dataDir, int port) {
            return new Options(dataDir, port, 0, null, null, null, Map.of(), null);
        }

        public Options withPidFile(Path file) {
            return new Options(dataDir, port, controllerPort, file, classpathFile, startTimeout, overrides, saslPlain);
        }

        public Options withControllerPort(int controller) {
            return new Options(dataDir, port, controller, pidFile, classpathFile, startTimeout, overrides, saslPlain);
        }

        public Options withClasspathFile(Path file) {
            return new Options(dataDir, port, controllerPort, pidFile, file, startTimeout, overrides, saslPlain);
        }

        public Options withStartTimeout(Duration timeout) {
            return new Options(dataDir, port, controllerPort, pidFile, classpathFile, timeout, overrides, saslPlain);
        }

        public Options withOverrides(Map<String, String> settings) {
            return new Options(dataDir, port, controllerPort, pidFile, classpathFile, startTimeout, settings, saslPlain);
        }

        /** A SASL_PLAINTEXT client listener (mechanism PLAIN) that accepts only {@code user} with {@code password}. */
        public Options withSaslPlain(String user, String password) {
            return new Options(dataDir, port, controllerPort, pidFile, classpathFile, startTimeout, overrides,
                    new SaslPlain(user, password));
        }
    }

    /**
     * The one user of a SASL_PLAINTEXT client listener with mechanism PLAIN; the broker also uses it for its own
     * inter-broker connections. No authorizer: an authenticated client may do anything.
     */
    public record SaslPlain(String user, String password) {
        /** The listener's name (and security protocol). */
        public static final String LISTENER = "SASL_PLAINTEXT";

        public SaslPlain {
            for (String value : new String[] {user, password}) {
                if (value == null || !value.matches("[A-Za-z0-9_.-]+")) {
                    throw new IllegalArgumentException("SASL user and password must be [A-Za-z0-9_.-]+, not " + value);
                }
            }
        }

        /** The client's {@code sasl.jaas.config} for {@code user} and {@code password}. */
        public static String clientJaasConfig(String user, String password) {
            return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
                    + "\" password=\"" + password + "\";";
        }

        /** The client settings that authenticate as this user (without bootstrap.servers). */
        public Map<String, Object> clientSecurity() {
            return Map.of("security.protocol", LISTENER, "sasl.mechanism", "PLAIN",
                    "sasl.jaas.config", clientJaasConfig(user, password));
        }

        /** The broker-side settings of the listener. */
        Map<String, String> brokerSettings() {
            String prefix = "listener.name." + LISTENER.toLowerCase(Locale.ROOT) + ".plain.";
            Map<String, String> s = new LinkedHashMap<>();
            s.put("sasl.enabled.mechanisms", "PLAIN");
            s.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
            s.put(prefix + "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
                    + "username=\"" + user + "\" password=\"" + password + "\" user_" + user + "=\"" + password + "\";");
            return s;
        }
    }

    /** The broker is already running; {@link #handle()} is it. */
    public static final class AlreadyRunningException extends CliException {
        private static final long serialVersionUID = 1L;
        private final transient Handle handle;

        AlreadyRunningException(Handle handle) {
            super("already running (pid " + handle.pid() + ") at " + handle.bootstrapServers());
            this.handle = handle;
        }

        public Handle handle() {
            return handle;
        }
    }

    /** A port the broker needs is taken by a process that is not this broker. */
    public static final class PortInUseException extends CliException {
        private static final long serialVersionUID = 1L;
        private final int port;

        PortInUseException(int port, String hint) {
            super("port " + port + " is in use by another process; " + hint);
            this.port = port;
        }

        public int port() {
            return port;
        }
    }

    /** Starts a broker in {@code dataDir} on {@code localhost:port} and waits until it answers. */
    public static Handle start(Path dataDir, int port) {
        return start(Options.of(dataDir, port));
    }

    /**
     * Starts a broker and waits until it answers (AdminClient describeCluster).
     *
     * @throws AlreadyRunningException if the broker of this folder or pid file runs
     * @throws PortInUseException      if its client or controller port is taken
     * @throws CliException            if it fails to start (the message carries the end of its log)
     */
    public static Handle start(Options options) {
        long t0 = System.nanoTime();
        Path dataDir = options.dataDir();
        Optional<Handle> running = running(options.pidFile(), dataDir);
        if (running.isPresent()) {
            throw new AlreadyRunningException(running.get());
        }
        if (Processes.portInUse(options.port())) {
            throw new PortInUseException(options.port(), "stop it or use --port");
        }
        List<String> classpath = readClasspath(options.classpathFile());

        ProjectLayout.ensureDir(dataDir);
        Path logsDir = ProjectLayout.ensureDir(dataDir.resolve("logs"));
        Path dataLogDir = dataDir.resolve("data");
        Properties cluster = readProperties(dataDir.resolve("cluster.properties"));
        boolean formatted = Files.isRegularFile(dataLogDir.resolve("meta.properties"));

        int controllerPort = chooseControllerPort(options, cluster, formatted);
        if (Processes.portInUse(controllerPort)) {
            throw new PortInUseException(controllerPort, formatted
                    ? "the broker in " + dataDir + " was formatted with it as its controller port; stop that process "
                    + "or delete " + dataDir + " to start afresh"
                    : "stop it or choose another controller port");
        }

        Path serverProperties = dataDir.resolve("server.properties");
        Path log4j = dataDir.resolve("log4j2.properties");
        writeString(serverProperties, renderServerProperties(options.port(), controllerPort, dataLogDir,
                options.saslPlain(), options.overrides()));
        writeString(log4j, renderLog4j());
        Path consoleLog = logsDir.resolve("console.log");
        Path serverLog = logsDir.resolve("server.log");

        List<String> jvm = new ArrayList<>();
        jvm.add(Processes.javaExecutable());
        jvm.addAll(jvmOptions());
        jvm.add("-Dlog4j2.configurationFile=" + log4j);
        jvm.add("-Dkafka.logs.dir=" + logsDir);
        jvm.add("-cp");
        jvm.add(String.join(File.pathSeparator, classpath));

        if (!formatted) {
            String clusterId = cluster.getProperty("cluster.id");
            if (clusterId == null) {
                clusterId = Uuid.randomUuid().toString(); // what `kafka-storage.sh random-uuid` prints, without a JVM
            }
            List<String> format = new ArrayList<>(jvm);
            format.addAll(List.of(STORAGE_TOOL, "format", "--standalone", "-t", clusterId, "-c", serverProperties.toString()));
            int exit;
            try {
                exit = Processes.runToCompletion(format, dataDir, Map.of(), consoleLog, Duration.ofMinutes(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException("interrupted while formatting " + dataDir);
            }
            if (exit != 0) {
                throw new CliException("formatting the broker storage in " + dataDir + " failed (exit " + exit + ")", 1,
                        Processes.tailForHumans(consoleLog, 15, null), null);
            }
            cluster.setProperty("cluster.id", clusterId);
            cluster.setProperty("controller.port", Integer.toString(controllerPort));
            writeProperties(dataDir.resolve("cluster.properties"), cluster,
                    "Fixed when the storage was formatted: the KRaft voter set records the controller's address.");
        }

        List<String> run = new ArrayList<>(jvm);
        run.add(MAIN_CLASS);
        run.add(serverProperties.toString());
        Process process = Processes.startDetached(run, dataDir, Map.of(), consoleLog);
        String bootstrap = "localhost:" + options.port();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("bootstrap", bootstrap);
        attributes.put("port", Integer.toString(options.port()));
        attributes.put("controller.port", Integer.toString(controllerPort));
        attributes.put("data.dir", dataDir.toString());
        PidFile pidFile = PidFile.write(options.pidFile(), process, attributes);
        Handle handle = new Handle(pidFile, Duration.ZERO);
        try {
            awaitReady(process, bootstrap, options.saslPlain() == null ? Map.of() : options.saslPlain().clientSecurity(),
                    options.startTimeout(), consoleLog, serverLog);
        } catch (RuntimeException e) {
            handle.stop(Duration.ofSeconds(10));
            throw e;
        }
        return new Handle(pidFile, Duration.ofNanos(System.nanoTime() - t0));
    }

    /** The broker recorded in {@code pidFile}, if it runs. */
    public static Optional<Handle> running(Path pidFile) {
        return PidFile.read(pidFile).filter(PidFile::isAlive).map(p -> new Handle(p, null));
    }

    /**
     * The broker of {@code dataDir}: the one in {@code pidFile} if it runs, else a {@code kafka.Kafka} process started
     * on this folder's server.properties whose pid file was lost (its pid file is then rewritten).
     */
    public static Optional<Handle> running(Path pidFile, Path dataDir) {
        Optional<Handle> recorded = running(pidFile);
        if (recorded.isPresent()) {
            return recorded;
        }
        String serverProperties = dataDir.toAbsolutePath().normalize().resolve("server.properties").toString();
        List<ProcessHandle> orphans = Processes.findByCommandLine(
                cmd -> cmd.contains(" " + MAIN_CLASS + " ") && cmd.endsWith(serverProperties));
        if (orphans.isEmpty()) {
            return Optional.empty();
        }
        Properties server = readProperties(dataDir.resolve("server.properties"));
        int port = portOf(server.getProperty("listeners", ""), "PLAINTEXT");
        if (port < 0) {
            port = portOf(server.getProperty("listeners", ""), SaslPlain.LISTENER);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("bootstrap", "localhost:" + port);
        attributes.put("port", Integer.toString(port));
        attributes.put("controller.port", Integer.toString(portOf(server.getProperty("listeners", ""), "CONTROLLER")));
        attributes.put("data.dir", dataDir.toAbsolutePath().normalize().toString());
        return Optional.of(new Handle(PidFile.write(pidFile, orphans.get(0), attributes), null));
    }

    /**
     * Deletes a broker folder (config, data, logs) so the next {@link #start} formats a fresh, empty broker.
     *
     * @throws CliException if a broker of that folder runs
     */
    public static void delete(Path dataDir, Path pidFile) {
        Optional<Handle> running = running(pidFile, dataDir);
        if (running.isPresent()) {
            throw new CliException("cannot delete " + dataDir + ": its broker runs (pid " + running.get().pid() + ")");
        }
        try {
            ProjectLayout.deleteTree(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** The {@code server.properties} of a single-node KRaft broker on localhost with a PLAINTEXT client listener. */
    public static String renderServerProperties(int port, int controllerPort, Path logDir, Map<String, String> overrides) {
        return renderServerProperties(port, controllerPort, logDir, null, overrides);
    }

    /**
     * The {@code server.properties} of a single-node KRaft broker on localhost; {@code sasl} null: a PLAINTEXT client
     * listener, else a SASL_PLAINTEXT one (mechanism PLAIN, that one user). The controller listener is PLAINTEXT.
     */
    public static String renderServerProperties(int port, int controllerPort, Path logDir, SaslPlain sasl,
                                                Map<String, String> overrides) {
        String client = sasl == null ? "PLAINTEXT" : SaslPlain.LISTENER;
        Map<String, String> s = new LinkedHashMap<>();
        s.put("process.roles", "broker,controller");
        s.put("node.id", "1");
        s.put("controller.quorum.bootstrap.servers", "localhost:" + controllerPort);
        s.put("listeners", client + "://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        s.put("advertised.listeners", client + "://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        s.put("inter.broker.listener.name", client);
        s.put("controller.listener.names", "CONTROLLER");
        s.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT," + client + ":" + client);
        if (sasl != null) {
            s.putAll(sasl.brokerSettings());
        }
        s.put("log.dirs", logDir.toAbsolutePath().normalize().toString());
        s.put("auto.create.topics.enable", "true");
        s.put("num.partitions", Integer.toString(DEFAULT_PARTITIONS));
        s.put("default.replication.factor", "1");
        s.put("min.insync.replicas", "1");
        s.put("offsets.topic.replication.factor", "1");
        s.put("transaction.state.log.replication.factor", "1");
        s.put("transaction.state.log.min.isr", "1");
        s.put("share.coordinator.state.topic.replication.factor", "1");
        s.put("share.coordinator.state.topic.min.isr", "1");
        s.put("group.initial.rebalance.delay.ms", "0");
        s.put("num.recovery.threads.per.data.dir", "1");
        s.put("log.retention.hours", "168");
        s.putAll(overrides);
        StringBuilder sb = new StringBuilder();
        sb.append("# Written by `multitune broker start` on every start; edit LocalBroker, not this file.\n");
        s.forEach((k, v) -> sb.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        return sb.toString();
    }

    /** log4j2 configuration: INFO to logs/server.log (rolled at 20 MB, 3 kept), state changes at WARN. */
    static String renderLog4j() {
        return """
                # Written by `multitune broker start`.
                status = warn
                # the appender flushes every line; a hook would only warn when registered during shutdown
                shutdownHook = disable
                appender.file.type = RollingFile
                appender.file.name = FILE
                appender.file.fileName = ${sys:kafka.logs.dir}/server.log
                appender.file.filePattern = ${sys:kafka.logs.dir}/server.log.%i
                appender.file.layout.type = PatternLayout
                appender.file.layout.pattern = [%d] %p %m (%c)%n
                appender.file.policies.type = Policies
                appender.file.policies.size.type = SizeBasedTriggeringPolicy
                appender.file.policies.size.size = 20MB
                appender.file.strategy.type = DefaultRolloverStrategy
                appender.file.strategy.max = 3
                rootLogger.level = INFO
                rootLogger.appenderRef.file.ref = FILE
                logger.statechange.name = state.change.logger
                logger.statechange.level = WARN
                """;
    }

    static List<String> jvmOptions() {
        String env = System.getenv(JAVA_OPTS_ENV);
        if (env != null && !env.isBlank()) {
            return Arrays.asList(env.trim().split("\\s+"));
        }
        return DEFAULT_JVM_OPTIONS;
    }

    private static int chooseControllerPort(Options options, Properties cluster, boolean formatted) {
        if (options.controllerPort() > 0) {
            return options.controllerPort();
        }
        String recorded = cluster.getProperty("controller.port");
        if (recorded != null) {
            return Integer.parseInt(recorded.trim());
        }
        if (formatted) {
            int fromConfig = portOf(readProperties(options.dataDir().resolve("server.properties"))
                    .getProperty("listeners", ""), "CONTROLLER");
            if (fromConfig > 0) {
                return fromConfig;
            }
        }
        int next = options.port() + 1;
        if (next <= 65535 && !Processes.portInUse(next)) {
            return next;
        }
        return Processes.freePort();
    }

    /** The port of listener {@code name} in a {@code listeners} value, or -1. */
    static int portOf(String listeners, String name) {
        for (String listener : listeners.split(",")) {
            String l = listener.trim();
            if (l.toUpperCase(Locale.ROOT).startsWith(name + "://")) {
                try {
                    return Integer.parseInt(l.substring(l.lastIndexOf(':') + 1));
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** The broker's jars, one per entry of the classpath file. */
    static List<String> readClasspath(Path explicit) {
        Path file = explicit;
        if (file == null) {
            String env = System.getenv(CLASSPATH_FILE_ENV);
            file = env != null && !env.isBlank() ? Path.of(env) : ProjectLayout.detect().brokerClasspathFile();
        }
        String hint = "build the CLI: ./mvnw -q -B -T 2 -pl cli -am install -DskipTests (or run ./multitune, which does)";
        if (!Files.isRegularFile(file)) {
            throw new CliException("the Kafka broker classpath " + file + " is missing; " + hint);
        }
        List<String> entries = new ArrayList<>();
        try {
            for (String entry : Files.readString(file, StandardCharsets.UTF_8).trim().split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    entries.add(entry.trim());
                }
            }
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage(), e);
        }
        for (String entry : entries) {
            if (!Files.exists(Path.of(entry))) {
                throw new CliException("the Kafka broker classpath lists " + entry + ", which is missing; " + hint);
            }
        }
        if (entries.stream().noneMatch(e -> Path.of(e).getFileName().toString().startsWith("kafka_2.13"))) {
            throw new CliException(file + " does not list the Kafka broker jar (kafka_2.13); " + hint);
        }
        return entries;
    }

    private static void awaitReady(Process process, String bootstrap, Map<String, Object> security, Duration timeout,
                                   Path consoleLog, Path serverLog) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        Map<String, Object> config = new LinkedHashMap<>(security);
        config.putAll(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500,
                AdminClientConfig.CLIENT_ID_CONFIG, "multitune-broker-start"));
        Admin admin = null;
        try {
            while (true) {
                if (!process.isAlive()) {
                    throw new CliException("the Kafka broker exited during start-up (exit code " + process.exitValue() + ")",
                            1, Processes.tailForHumans(consoleLog, 10, null) + Processes.tailForHumans(serverLog, 15, null), null);
                }
                if (System.nanoTime() > deadline) {
                    throw new CliException("the Kafka broker did not answer at " + bootstrap + " within "
                            + timeout.toSeconds() + " s", 1, Processes.tailForHumans(serverLog, 15, null), null);
                }
                if (Processes.canConnect("127.0.0.1", port, Duration.ofMillis(300))) {
                    if (admin == null) {
                        admin = Admin.create(config);
                    }
                    try {
                        java.util.Collection<Node> nodes = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                        if (!nodes.isEmpty()) {
                            return;
                        }
                    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                        // not ready yet
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new CliException("interrupted while waiting for the broker");
                    }
                }
                Processes.sleep(Duration.ofMillis(200));
            }
        } finally {
            if (admin != null) {
                admin.close(Duration.ofSeconds(2));
            }
        }
    }

    /** Whether a Kafka cluster answers at {@code bootstrap} with {@code clientConfig}; empty if so, else why not. */
    public static Optional<String> probe(Map<String, Object> clientConfig, Duration timeout) {
        Map<String, Object> config = new LinkedHashMap<>(clientConfig);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1_000, timeout.toMillis()));
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.max(1_000, timeout.toMillis()));
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "multitune-probe");
        try (Admin admin = Admin.create(config)) {
            java.util.Collection<Node> nodes = admin.describeCluster().nodes().get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            return nodes.isEmpty() ? Optional.of("no brokers in the cluster") : Optional.empty();
        } catch (java.util.concurrent.ExecutionException e) {
            Optional<String> refused = KafkaSettings.authenticationFailure(e);
            if (refused.isPresent()) {
                return refused;
            }
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                return Optional.of("no answer within " + timeout.toSeconds() + " s");
            }
            return Optional.of(String.valueOf(e.getCause().getMessage()));
        } catch (java.util.concurrent.TimeoutException e) {
            return Optional.of("no answer within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        } catch (RuntimeException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static Properties readProperties(Path file) {
        Properties props = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return props;
    }

    private static void writeProperties(Path file, Properties props, String comment) {
        try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            props.store(w, comment);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeString(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** A started (or found) broker. */
    public static final class Handle extends ManagedProcess {
        Handle(PidFile pidFile, Duration startupTime) {
            super(pidFile, startupTime, DEFAULT_STOP_TIMEOUT);
        }

        /** {@code localhost:port}. */
        public String bootstrapServers() {
            return record().attribute("bootstrap");
        }

        /** Its client port. */
        public int port() {
            return record().intAttribute("port", -1);
        }

        /** Its controller port. */
        public int controllerPort() {
            return record().intAttribute("controller.port", -1);
        }

        /** Its folder. */
        public Path dataDir() {
            return Path.of(record().attribute("data.dir"));
        }

        /** The broker's own log ({@code logs/server.log}). */
        public Path logFile() {
            return dataDir().resolve("logs").resolve("server.log");
        }

        /** Its pid file. */
        public Path pidFile() {
            return record().path();
        }

        /** Stops the broker when this JVM exits (if not stopped before); returns this. */
        public Handle stopOnExit() {
            addStopHook(Duration.ofSeconds(20), "multitune-broker-stop-");
            return this;
        }

        @Override
        public String toString() {
            return "LocalBroker[pid " + pid() + ", " + bootstrapServers() + "]";
        }
    }
}
