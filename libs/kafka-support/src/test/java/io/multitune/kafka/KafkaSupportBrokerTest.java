package io.multitune.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.testing.kafka.TcpForwarder;
import io.multitune.testing.kafka.TestBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Topic provisioning and the broker probe against a real broker, and the probe against none. */
class KafkaSupportBrokerTest {
    private static Map<String, Object> config() {
        return Map.of("bootstrap.servers", TestBroker.shared().bootstrapServers());
    }

    @Test
    void createsOnlyMissingTopicsAndIsIdempotent() {
        String a = "t-" + UUID.randomUUID();
        String b = "t-" + UUID.randomUUID();
        assertEquals(List.of(a), TopicProvisioning.ensure(config(), List.of(a), 1, (short) 1, Duration.ofSeconds(30)));
        assertEquals(List.of(b), TopicProvisioning.ensure(config(), List.of(a, b), 1, (short) 1,
                Duration.ofSeconds(30)));
        assertEquals(List.of(), TopicProvisioning.ensure(config(), List.of(a, b), 1, (short) 1,
                Duration.ofSeconds(30)));
    }

    @Test
    void probeCountsBrokersAndFailsFastWithoutOne() {
        try (BrokerProbe probe = new BrokerProbe(config(), Duration.ofSeconds(5))) {
            assertEquals(1, probe.brokers());
        }
        int nobody = TcpForwarder.freePort();
        try (BrokerProbe probe = new BrokerProbe(Map.of("bootstrap.servers", "localhost:" + nobody),
                Duration.ofMillis(800))) {
            long t0 = System.nanoTime();
            BrokerProbe.ProbeFailedException e = assertThrows(BrokerProbe.ProbeFailedException.class, probe::brokers);
            assertTrue(e.getMessage().startsWith("unreachable"), e.getMessage());
            assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(5).toNanos(), "answers within its timeout");
        }
    }
}
