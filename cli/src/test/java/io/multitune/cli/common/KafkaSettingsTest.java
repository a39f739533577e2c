package io.multitune.cli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaSettingsTest {
    @TempDir
    Path root;

    @Test
    void localBrokerByDefaultOnTheConfiguredPort() {
        KafkaSettings kafka = KafkaSettings.from(Map.of(), ProjectLayout.at(root));
        assertFalse(kafka.external());
        assertEquals("localhost:9092", kafka.bootstrapServers());
        assertEquals(Map.of("bootstrap.servers", "localhost:9092"), kafka.clientConfig());

        assertEquals("localhost:19092", KafkaSettings.from(Map.of("MULTITUNE_BROKER_PORT", "19092"), null).bootstrapServers());
        CliException bad = assertThrows(CliException.class, () -> KafkaSettings.from(Map.of("MULTITUNE_BROKER_PORT", "x"), null));
        assertTrue(bad.getMessage().contains("MULTITUNE_BROKER_PORT"), bad.getMessage());
    }

    @Test
    void externalClusterWithSecurityPassThrough() {
        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", " kafka-1:9093,kafka-2:9093 ",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/truststore.p12",
                "KAFKA_SSL_TRUSTSTORE_PASSWORD", "secret",
                "KAFKA_UNRELATED", "x");
        KafkaSettings kafka = KafkaSettings.from(env, ProjectLayout.at(root));
        assertTrue(kafka.external());
        assertEquals("kafka-1:9093,kafka-2:9093", kafka.bootstrapServers());
        Map<String, Object> config = kafka.clientConfig();
        assertEquals("kafka-1:9093,kafka-2:9093", config.get("bootstrap.servers"));
        assertEquals("SASL_SSL", config.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", config.get("sasl.mechanism"));
        assertEquals("/etc/kafka/truststore.p12", config.get("ssl.truststore.location"));
        assertEquals("secret", kafka.clientProperties().getProperty("ssl.truststore.password"));
        assertEquals(6, config.size());

        Map<String, String> serviceEnv = kafka.serviceEnvironment();
        assertEquals("kafka-1:9093,kafka-2:9093", serviceEnv.get("KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals("SASL_SSL", serviceEnv.get("KAFKA_SECURITY_PROTOCOL"));
        assertFalse(serviceEnv.containsKey("KAFKA_UNRELATED"));
    }

    @Test
    void securitySettingsAreNotAppliedToThePlainTextLocalBroker() {
        KafkaSettings kafka = KafkaSettings.from(Map.of("KAFKA_SECURITY_PROTOCOL", "SSL"), null);
        assertFalse(kafka.external());
        assertEquals(Map.of("bootstrap.servers", "localhost:9092"), kafka.clientConfig());
    }

    @Test
    void authenticationFailuresBecomeOneLineNamingTheVariablesToCheck() {
        var sasl = new java.util.concurrent.ExecutionException(new org.apache.kafka.common.errors.SaslAuthenticationException(
                "Authentication failed: Invalid username or password"));
        assertEquals(java.util.Optional.of("authentication failed: Invalid username or password; check "
                + "KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_MECHANISM and KAFKA_SASL_JAAS_CONFIG"),
                KafkaSettings.authenticationFailure(sasl));
        var tls = new org.apache.kafka.common.KafkaException("wrapped", new org.apache.kafka.common.errors
                .SslAuthenticationException("SSL handshake failed\nmore detail"));
        assertEquals(java.util.Optional.of("TLS handshake failed: SSL handshake failed; check KAFKA_SECURITY_PROTOCOL "
                + "and KAFKA_SSL_TRUSTSTORE_*"), KafkaSettings.authenticationFailure(tls));
        assertEquals(java.util.Optional.empty(), KafkaSettings.authenticationFailure(
                new org.apache.kafka.common.errors.TimeoutException("Timed out waiting for a node assignment")));
    }
}
