package io.multitune.cli.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.cli.common.KafkaSettings;
import io.multitune.cli.common.Processes;
import io.multitune.cli.common.TopicProvisioning;
import io.multitune.events.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the real standalone broker process (the Kafka jars of cli/target/broker-classpath.txt). */
class LocalBrokerTest {
    @TempDir
    Path dir;

    @Test
    void startsProvisionsTopicsAndStops() throws Exception {
        int port = Processes.freePort();
        Path dataDir = dir.resolve("broker");
        LocalBroker.Handle broker = LocalBroker.start(dataDir, port).stopOnExit();
        try {
            assertEquals("localhost:" + port, broker.bootstrapServers());
            assertTrue(broker.isAlive());
            assertTrue(Files.isRegularFile(dataDir.resolve("broker.pid")));
            assertTrue(Files.isRegularFile(dataDir.resolve("data").resolve("meta.properties")));
            System.out.printf("standalone broker started in %.1f s%n", broker.startupTime().toMillis() / 1000.0);

            LocalBroker.AlreadyRunningException again = assertThrows(LocalBroker.AlreadyRunningException.class,
                    () -> LocalBroker.start(dataDir, port));
            assertEquals(broker.pid(), again.handle().pid());

            KafkaSettings kafka = KafkaSettings.forBootstrap(broker.bootstrapServers());
            assertEquals(Topics.ALL.size(), TopicProvisioning.ensureTopics(kafka).size());
            assertEquals(List.of(), TopicProvisioning.ensureTopics(kafka), "a second run creates nothing");

            try (Admin admin = Admin.create(kafka.clientConfig())) {
                Set<String> topics = admin.listTopics().names().get();
                assertTrue(topics.containsAll(Topics.ALL), topics.toString());
                assertEquals(TopicProvisioning.DEFAULT_PARTITIONS, admin.describeTopics(List.of(Topics.RUNS))
                        .allTopicNames().get().get(Topics.RUNS).partitions().size());
                ConfigResource examples = new ConfigResource(ConfigResource.Type.TOPIC, Topics.EXAMPLES);
                ConfigResource datasets = new ConfigResource(ConfigResource.Type.TOPIC, Topics.DATASETS);
                Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(examples, datasets)).all().get();
                assertEquals("compact", configs.get(examples).get("cleanup.policy").value());
                assertEquals("delete", configs.get(datasets).get("cleanup.policy").value());
                assertEquals("-1", configs.get(datasets).get("retention.ms").value());
            }
            assertEquals(broker.pid(), LocalBroker.running(dataDir.resolve("broker.pid")).orElseThrow().pid());
        } finally {
            assertTrue(broker.stop(Duration.ofSeconds(20)));
        }
        assertFalse(broker.isAlive());
        assertFalse(Files.exists(dataDir.resolve("broker.pid")), "the pid file is removed");
        assertFalse(Processes.portInUse(port), "the port is free again");
        assertTrue(LocalBroker.running(dataDir.resolve("broker.pid"), dataDir).isEmpty());

        LocalBroker.delete(dataDir, dataDir.resolve("broker.pid"));
        assertFalse(Files.exists(dataDir));
    }
}
