package io.multitune.testing.kafka;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real Kafka broker for tests, without Quarkus: {@link #shared()} gives the one broker of this JVM.
 *
 * <p>The first call starts it (see the package documentation for the modes); every later call, from any test class
 * and any class loader, returns the same broker. A JVM shutdown hook stops it; tests never stop it themselves.
 * {@link #startDedicated()} starts a broker of one's own instead, for a test that must stop or break it.
 */
public final class TestBroker implements AutoCloseable {
    /** System property (or env {@code MULTITUNE_TEST_BROKER}): {@code embedded} (default), {@code container}, {@code external}. */
    public static final String MODE_PROPERTY = "multitune.test.broker";
    /** System property (or env {@code MULTITUNE_TEST_BROKER_IMAGE}): the container image; default {@link #DEFAULT_IMAGE}. */
    public static final String IMAGE_PROPERTY = "multitune.test.broker.image";
    /** System property (or env {@code MULTITUNE_TEST_BOOTSTRAP}): bootstrap servers of the external cluster. */
    public static final String BOOTSTRAP_PROPERTY = "multitune.test.bootstrap";
    /** The container image used when none is given. */
    public static final String DEFAULT_IMAGE = "apache/kafka:4.1.2";

    /** Broker settings of every broker this class starts (in-process or container): auto-created topics, fast groups. */
    public static final Map<String, String> BROKER_SETTINGS = brokerSettings();

    /**
     * Where the shared broker's address is published for the whole JVM. A {@code @QuarkusTest} may load this class in
     * more than one class loader (one per test profile); a static field alone would start a broker in each.
     */
    static final String SHARED_ADDRESS_PROPERTY = "io.multitune.testing.kafka.shared-bootstrap";
    /** A JVM-wide lock: string literals are interned once per JVM, whatever class loader loads this class. */
    private static final String JVM_WIDE_LOCK = "io.multitune.testing.kafka.TestBroker#shared";

    private static final Logger LOG = Logger.getLogger(TestBroker.class.getName());
    private static volatile TestBroker shared;

    /** The kinds of broker. */
    public enum Mode {
        EMBEDDED, CONTAINER, EXTERNAL;

        static Mode parse(String value) {
            if (value == null || value.isBlank()) {
                return EMBEDDED;
            }
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "embedded", "in-process", "inprocess", "kraft" -> EMBEDDED;
                case "container", "testcontainers", "docker" -> CONTAINER;
                case "external" -> EXTERNAL;
                default -> throw new IllegalArgumentException(MODE_PROPERTY + " must be embedded, container or external, not '"
                        + value + "'");
            };
        }
    }

    /** What runs the broker; {@code close()} stops it. */
    interface Backend extends AutoCloseable {
        String bootstrapServers();
    }

    private final Mode mode;
    private final String bootstrapServers;
    private final Backend backend; // null when this instance does not own the broker

    private TestBroker(Mode mode, String bootstrapServers, Backend backend) {
        this.mode = mode;
        this.bootstrapServers = bootstrapServers;
        this.backend = backend;
    }

    /** The broker of this JVM, started on first use; never close it (a shutdown hook does). */
    public static TestBroker shared() {
        TestBroker current = shared;
        if (current != null) {
            return current;
        }
        synchronized (JVM_WIDE_LOCK) {
            if (shared != null) {
                return shared;
            }
            Mode mode = Mode.parse(setting(MODE_PROPERTY));
            String published = System.getProperty(SHARED_ADDRESS_PROPERTY);
            if (published != null) {
                // Started by this class in another class loader of the same JVM; that loader's hook stops it.
                shared = new TestBroker(mode, published, null);
                return shared;
            }
            TestBroker started = start(mode);
            if (started.backend != null) {
                Backend backend = started.backend;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(backend), "multitune-test-broker-stop"));
            }
            System.setProperty(SHARED_ADDRESS_PROPERTY, started.bootstrapServers);
            shared = new TestBroker(started.mode, started.bootstrapServers, null);
            return shared;
        }
    }

    /**
     * A broker of the caller's own (same mode as {@link #shared()}); {@link #close()} stops it. For tests that stop,
     * restart or break a broker. In {@code external} mode it is the external cluster and closing does nothing.
     */
    public static TestBroker startDedicated() {
        return start(Mode.parse(setting(MODE_PROPERTY)));
    }

    private static TestBroker start(Mode mode) {
        long t0 = System.nanoTime();
        Backend backend = switch (mode) {
            case EMBEDDED -> EmbeddedBroker.start(BROKER_SETTINGS);
            case CONTAINER -> ContainerBroker.start(setting(IMAGE_PROPERTY, DEFAULT_IMAGE), BROKER_SETTINGS);
            case EXTERNAL -> null;
        };
        if (backend == null) {
            String bootstrap = setting(BOOTSTRAP_PROPERTY);
            if (bootstrap == null || bootstrap.isBlank()) {
                throw new IllegalStateException(MODE_PROPERTY + "=external needs " + BOOTSTRAP_PROPERTY
                        + " (or env MULTITUNE_TEST_BOOTSTRAP) with the cluster's bootstrap servers");
            }
            LOG.info(() -> "Using the external Kafka cluster at " + bootstrap);
            return new TestBroker(mode, bootstrap.trim(), null);
        }
        String bootstrap = backend.bootstrapServers();
        LOG.info(() -> String.format(Locale.ROOT, "Started the %s Kafka broker at %s in %.1f s",
                mode == Mode.EMBEDDED ? "in-process" : "container", bootstrap, (System.nanoTime() - t0) / 1e9));
        return new TestBroker(mode, bootstrap, backend);
    }

    /** The bootstrap servers, {@code host:port[,host:port...]}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Which kind of broker this is. */
    public Mode mode() {
        return mode;
    }

    /** Client properties with the bootstrap servers set; add serializers, group id etc. */
    public Properties clientProperties() {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
    }

    /** A test client (producer and consumers) on this broker; close it after use. */
    public KafkaTestClient client() {
        return new KafkaTestClient(bootstrapServers);
    }

    /**
     * Creates a topic (replication factor 1) unless it exists; an existing topic is left as it is.
     *
     * @param config topic configs, e.g. {@code cleanup.policy=compact}; may be empty
     */
    public void createTopic(String name, int partitions, Map<String, String> config) {
        Objects.requireNonNull(name, "name");
        Properties props = clientProperties();
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        try (Admin admin = Admin.create(props)) {
            NewTopic topic = new NewTopic(name, partitions, (short) 1).configs(config == null ? Map.of() : config);
            admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create topic " + name + ": " + e.getCause(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + name, e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("timed out creating topic " + name + " on " + bootstrapServers, e);
        }
    }

    /** Creates a topic with one partition and no special config unless it exists. */
    public void createTopic(String name) {
        createTopic(name, 1, Map.of());
    }

    /** Stops a broker from {@link #startDedicated()}; does nothing for the shared one or an external cluster. */
    @Override
    public void close() {
        if (backend != null) {
            closeQuietly(backend);
        }
    }

    @Override
    public String toString() {
        return "TestBroker[" + mode.name().toLowerCase(Locale.ROOT) + " " + bootstrapServers + "]";
    }

    private static void closeQuietly(Backend backend) {
        try {
            backend.close();
        } catch (Throwable t) {
            // Stopping at JVM exit: nothing useful to do with a failure.
        }
    }

    /** A system property, else its environment variable (dots and dashes as underscores, upper case). */
    static String setting(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT));
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String setting(String property, String fallback) {
        String value = setting(property);
        return value == null ? fallback : value;
    }

    private static Map<String, String> brokerSettings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("auto.create.topics.enable", "true");
        s.put("num.partitions", "1");
        s.put("default.replication.factor", "1");
        s.put("min.insync.replicas", "1");
        s.put("offsets.topic.replication.factor", "1");
        s.put("offsets.topic.num.partitions", "1");
        s.put("transaction.state.log.replication.factor", "1");
        s.put("transaction.state.log.min.isr", "1");
        s.put("transaction.state.log.num.partitions", "1");
        s.put("share.coordinator.state.topic.replication.factor", "1");
        s.put("share.coordinator.state.topic.min.isr", "1");
        s.put("group.initial.rebalance.delay.ms", "0");
        return Map.copyOf(s);
    }
}
