package io.multitune.testing.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

class TestBrokerTest {

    @Test
    void sharedBrokerStartsOnceAndRoundTripsARecord() throws Exception {
        TestBroker broker = TestBroker.shared();
        assertSame(broker, TestBroker.shared());
        assertTrue(broker.bootstrapServers().matches("[^,]+:\\d+(,[^,]+:\\d+)*"), broker.bootstrapServers());
        assertEquals(broker.bootstrapServers(), KafkaBrokerResource.config(broker.bootstrapServers()).get("kafka.bootstrap.servers"));

        try (KafkaTestClient kafka = broker.client()) {
            // auto-created topic
            kafka.produce("round-trip", "k1", "hello".getBytes(StandardCharsets.UTF_8), Map.of("ce_type", "test.v1"));
            kafka.produce("round-trip", "k2", "world", Map.of());
            List<ConsumerRecord<String, byte[]>> records = kafka.consume("round-trip", 2, Duration.ofSeconds(30));
            assertEquals(2, records.size());
            assertEquals("k1", records.get(0).key());
            assertEquals("hello", KafkaTestClient.valueAsString(records.get(0)));
            assertEquals("test.v1", KafkaTestClient.header(records.get(0), "ce_type"));
            assertEquals("world", KafkaTestClient.valueAsString(records.get(1)));

            List<ConsumerRecord<String, byte[]>> all = kafka.consumeUntilIdle("round-trip", Duration.ofMillis(500), Duration.ofSeconds(20));
            assertEquals(2, all.size());

            AssertionError tooFew = assertThrows(AssertionError.class,
                    () -> kafka.consume("round-trip", 3, Duration.ofSeconds(2)));
            assertTrue(tooFew.getMessage().contains("got 2"), tooFew.getMessage());
        }
    }

    @Test
    void createsTopicsWithPartitionsAndConfigAndToleratesExistingOnes() throws Exception {
        TestBroker broker = TestBroker.shared();
        broker.createTopic("compacted", 3, Map.of("cleanup.policy", "compact"));
        broker.createTopic("compacted", 3, Map.of("cleanup.policy", "compact")); // exists: no error
        Properties props = broker.clientProperties();
        try (Admin admin = Admin.create(props)) {
            TopicDescription description = admin.describeTopics(List.of("compacted")).allTopicNames().get().get("compacted");
            assertEquals(3, description.partitions().size());
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "compacted");
            String policy = admin.describeConfigs(List.of(resource)).all().get().get(resource).get("cleanup.policy").value();
            assertEquals("compact", policy);
        }
    }

    @Test
    void modesParse() {
        assertEquals(TestBroker.Mode.EMBEDDED, TestBroker.Mode.parse(null));
        assertEquals(TestBroker.Mode.CONTAINER, TestBroker.Mode.parse("container"));
        assertEquals(TestBroker.Mode.EXTERNAL, TestBroker.Mode.parse(" External "));
        assertThrows(IllegalArgumentException.class, () -> TestBroker.Mode.parse("zookeeper"));
        assertEquals("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", ContainerBroker.envName("group.initial.rebalance.delay.ms"));
    }
}
