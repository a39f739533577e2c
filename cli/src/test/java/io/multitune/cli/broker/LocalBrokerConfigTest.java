package io.multitune.cli.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBrokerConfigTest {
    @TempDir
    Path dir;

    @Test
    void rendersASingleNodeKraftConfigOnLocalhost() throws Exception {
        Properties p = new Properties();
        p.load(new StringReader(LocalBroker.renderServerProperties(19092, 19093, dir.resolve("data"),
                Map.of("num.partitions", "5"))));
        assertEquals("broker,controller", p.getProperty("process.roles"));
        assertEquals("PLAINTEXT://localhost:19092,CONTROLLER://localhost:19093", p.getProperty("listeners"));
        assertEquals("localhost:19093", p.getProperty("controller.quorum.bootstrap.servers"));
        assertEquals("CONTROLLER", p.getProperty("controller.listener.names"));
        assertEquals(dir.resolve("data").toString(), p.getProperty("log.dirs"));
        assertEquals("true", p.getProperty("auto.create.topics.enable"));
        assertEquals("1", p.getProperty("offsets.topic.replication.factor"));
        assertEquals("1", p.getProperty("transaction.state.log.replication.factor"));
        assertEquals("0", p.getProperty("group.initial.rebalance.delay.ms"));
        assertEquals("5", p.getProperty("num.partitions"), "overrides win");
        assertEquals(19092, LocalBroker.portOf(p.getProperty("listeners"), "PLAINTEXT"));
        assertEquals(19093, LocalBroker.portOf(p.getProperty("listeners"), "CONTROLLER"));
    }

    @Test
    void rendersASaslPlainClientListenerWithAPlaintextController() throws Exception {
        Properties p = new Properties();
        p.load(new StringReader(LocalBroker.renderServerProperties(19092, 19093, dir.resolve("data"),
                new LocalBroker.SaslPlain("alice", "secret-1"), Map.of())));
        assertEquals("SASL_PLAINTEXT://localhost:19092,CONTROLLER://localhost:19093", p.getProperty("listeners"));
        assertEquals("SASL_PLAINTEXT://localhost:19092,CONTROLLER://localhost:19093", p.getProperty("advertised.listeners"));
        assertEquals("CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT", p.getProperty("listener.security.protocol.map"));
        assertEquals("SASL_PLAINTEXT", p.getProperty("inter.broker.listener.name"));
        assertEquals("CONTROLLER", p.getProperty("controller.listener.names"));
        assertEquals("PLAIN", p.getProperty("sasl.enabled.mechanisms"));
        assertEquals("PLAIN", p.getProperty("sasl.mechanism.inter.broker.protocol"));
        assertEquals("org.apache.kafka.common.security.plain.PlainLoginModule required username=\"alice\" "
                + "password=\"secret-1\" user_alice=\"secret-1\";",
                p.getProperty("listener.name.sasl_plaintext.plain.sasl.jaas.config"));
        assertEquals(19092, LocalBroker.portOf(p.getProperty("listeners"), "SASL_PLAINTEXT"));
        assertEquals(Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN", "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"alice\" "
                        + "password=\"secret-1\";"), new LocalBroker.SaslPlain("alice", "secret-1").clientSecurity());
        assertThrows(IllegalArgumentException.class, () -> new LocalBroker.SaslPlain("alice", "has\"quote"));

        Properties plain = new Properties();
        plain.load(new StringReader(LocalBroker.renderServerProperties(19092, 19093, dir.resolve("data"), Map.of())));
        assertEquals(null, plain.getProperty("sasl.enabled.mechanisms"), "the default broker has no SASL");
        assertEquals("CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT", plain.getProperty("listener.security.protocol.map"));
        assertEquals(null, LocalBroker.Options.of(dir, 19092).saslPlain(), "broker start's options have no SASL");
    }

    @Test
    void refusesAPortTakenByAnotherProcess() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            LocalBroker.PortInUseException e = assertThrows(LocalBroker.PortInUseException.class,
                    () -> LocalBroker.start(dir.resolve("broker"), port));
            assertEquals("port " + port + " is in use by another process; stop it or use --port", e.getMessage());
            assertEquals(port, e.port());
        }
    }

    @Test
    void explainsAMissingClasspath() {
        var e = assertThrows(io.multitune.cli.common.CliException.class,
                () -> LocalBroker.readClasspath(dir.resolve("nope.txt")));
        assertTrue(e.getMessage().contains("is missing") && e.getMessage().contains("-pl cli -am install"), e.getMessage());
    }
}
