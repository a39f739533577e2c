package io.multitune.cli.common;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;

/**
 * How the CLI and the processes it starts reach Kafka.
 *
 * <p>Bootstrap servers: {@code $KAFKA_BOOTSTRAP_SERVERS} (an external cluster), else the local broker's address
 * (from its pid file when it runs, else {@code localhost:$MULTITUNE_BROKER_PORT}, default 9092).
 *
 * <p>With an external cluster, security settings pass through from the environment into client properties (the
 * local broker is plain-text on localhost, so they are not applied to it):
 * <pre>
 * KAFKA_SECURITY_PROTOCOL         -> security.protocol
 * KAFKA_SASL_MECHANISM            -> sasl.mechanism
 * KAFKA_SASL_JAAS_CONFIG          -> sasl.jaas.config
 * KAFKA_SSL_TRUSTSTORE_LOCATION   -> ssl.truststore.location
 * KAFKA_SSL_TRUSTSTORE_PASSWORD   -> ssl.truststore.password
 * KAFKA_SSL_TRUSTSTORE_TYPE       -> ssl.truststore.type (PKCS12, JKS or PEM; the Helm chart sets it)
 * </pre>
 * The services (Quarkus) read the same variables themselves ({@code KAFKA_X_Y} is {@code kafka.x.y}), so
 * {@link #serviceEnvironment()} simply passes them on.
 */
public final class KafkaSettings {
    /** An external cluster's bootstrap servers. */
    public static final String BOOTSTRAP_ENV = "KAFKA_BOOTSTRAP_SERVERS";
    /** The local broker's port (default {@value #DEFAULT_PORT}). */
    public static final String PORT_ENV = "MULTITUNE_BROKER_PORT";
    /** The local broker's default port. */
    public static final int DEFAULT_PORT = 9092;
    /** Environment variables passed through as client security settings. */
    public static final Map<String, String> SECURITY_ENV = securityEnv();

    private final String bootstrapServers;
    private final boolean external;
    private final Map<String, String> security;

    private KafkaSettings(String bootstrapServers, boolean external, Map<String, String> security) {
        this.bootstrapServers = bootstrapServers;
        this.external = external;
        this.security = Map.copyOf(security);
    }

    /** Settings from the process environment and the project's local broker. */
    public static KafkaSettings fromEnvironment() {
        return from(System.getenv(), ProjectLayout.find().orElse(null));
    }

    /** Settings from the given environment; {@code layout} (may be null) locates the local broker's pid file. */
    public static KafkaSettings from(Map<String, String> env, ProjectLayout layout) {
        Map<String, String> security = new LinkedHashMap<>();
        SECURITY_ENV.forEach((var, property) -> {
            String value = env.get(var);
            if (value != null && !value.isBlank()) {
                security.put(property, value);
            }
        });
        String bootstrap = env.get(BOOTSTRAP_ENV);
        if (bootstrap != null && !bootstrap.isBlank()) {
            return new KafkaSettings(bootstrap.trim(), true, security);
        }
        return new KafkaSettings(localBrokerAddress(env, layout), false, Map.of());
    }

    /** Settings for a plain-text broker the caller started (e.g. {@code LocalBroker.start}): no security settings. */
    public static KafkaSettings forBootstrap(String bootstrapServers) {
        return new KafkaSettings(bootstrapServers, false, Map.of());
    }

    /** The local broker's address: the running one's (pid file), else localhost and the configured port. */
    static String localBrokerAddress(Map<String, String> env, ProjectLayout layout) {
        if (layout != null) {
            Optional<PidFile> pid = PidFile.read(layout.brokerPidFile());
            if (pid.isPresent() && pid.get().attribute("bootstrap") != null && pid.get().isAlive()) {
                return pid.get().attribute("bootstrap");
            }
        }
        return "localhost:" + configuredPort(env);
    }

    /** {@code $MULTITUNE_BROKER_PORT}, else {@value #DEFAULT_PORT}. */
    public static int configuredPort(Map<String, String> env) {
        String port = env.get(PORT_ENV);
        if (port == null || port.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            int p = Integer.parseInt(port.trim());
            if (p <= 0 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new CliException(PORT_ENV + " must be a TCP port, not '" + port + "'");
        }
    }

    /**
     * Why the cluster refused a client, as one line, when {@code failure} or one of its causes is an authentication
     * failure (wrong SASL credentials or mechanism, a failed TLS handshake): the broker's reason and the variables to
     * check. Empty for any other failure. Never includes the settings' values (the JAAS line holds a password).
     */
    public static Optional<String> authenticationFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationException) {
                String reason = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().lines()
                        .findFirst().orElse("").strip().replaceFirst("(?i)^authentication failed:\\s*", "");
                return Optional.of(t instanceof SslAuthenticationException
                        ? TLS_REFUSED + reason + "; check KAFKA_SECURITY_PROTOCOL and KAFKA_SSL_TRUSTSTORE_*"
                        : SASL_REFUSED + reason
                        + "; check KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_MECHANISM and KAFKA_SASL_JAAS_CONFIG");
            }
        }
        return Optional.empty();
    }

    /** Whether a problem line is one of {@link #authenticationFailure}'s: the cluster is up but refused the client. */
    public static boolean isRefusal(String problem) {
        return problem.startsWith(SASL_REFUSED) || problem.startsWith(TLS_REFUSED);
    }

    private static final String SASL_REFUSED = "authentication failed: ";
    private static final String TLS_REFUSED = "TLS handshake failed: ";

    /** {@code host:port[,host:port]}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Whether the cluster is an external one ({@code $KAFKA_BOOTSTRAP_SERVERS}); the CLI then starts no broker. */
    public boolean external() {
        return external;
    }

    /** The security client settings taken from the environment (empty for the local broker). */
    public Map<String, String> security() {
        return security;
    }

    /** Client settings: bootstrap servers plus the security settings. */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new LinkedHashMap<>(security);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }

    /** {@link #clientConfig()} as Properties. */
    public Properties clientProperties() {
        Properties props = new Properties();
        props.putAll(clientConfig());
        return props;
    }

    /** Environment variables for a service process: {@code KAFKA_BOOTSTRAP_SERVERS} and the security variables. */
    public Map<String, String> serviceEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(BOOTSTRAP_ENV, bootstrapServers);
        SECURITY_ENV.forEach((var, property) -> {
            String value = security.get(property);
            if (value != null) {
                env.put(var, value);
            }
        });
        return env;
    }

    @Override
    public String toString() {
        return (external ? "external cluster " : "local broker ") + bootstrapServers
                + (security.isEmpty() ? "" : " (" + security.getOrDefault("security.protocol", "security settings") + ")");
    }

    private static Map<String, String> securityEnv() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String property : new String[] {"security.protocol", "sasl.mechanism", "sasl.jaas.config",
                "ssl.truststore.location", "ssl.truststore.password", "ssl.truststore.type"}) {
            m.put("KAFKA_" + property.replace('.', '_').toUpperCase(Locale.ROOT), property);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
