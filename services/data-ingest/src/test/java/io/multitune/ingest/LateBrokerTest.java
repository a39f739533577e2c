package io.multitune.ingest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.DatasetProfiled;
import io.multitune.testing.kafka.TcpForwarder;
import io.multitune.testing.kafka.TestBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * data-ingest starts while its broker address answers nothing: it must report not-ready, then, once the broker
 * appears at that address, become ready and ingest. The address is a loopback forwarder opened only mid-test.
 */
@QuarkusTest
@TestProfile(LateBrokerTest.LateBrokerProfile.class)
class LateBrokerTest {
    /** Resources and tests may live in different class loaders: the port travels as a system property. */
    static final String LATE_PORT_PROPERTY = "multitune.test.late-port";

    private static int latePort() {
        return Integer.parseInt(System.getProperty(LATE_PORT_PROPERTY));
    }

    @Test
    void aBrokerThatAppearsLateIsSurvived() {
        for (int i = 0; i < 3; i++) {
            given().when().get("/q/health/ready").then().statusCode(503);
            IngestTestSupport.sleep(1000);
        }
        String[] target = TestBroker.shared().bootstrapServers().split(",")[0].split(":");
        try (TcpForwarder forwarder = TcpForwarder.listenOn(latePort(), target[0], Integer.parseInt(target[1]))) {
            awaitReady();
            IngestTestSupport io = new IngestTestSupport();
            String dataset = "late-" + UUID.randomUUID().toString().substring(0, 8);
            io.sendSpec(dataset, """
                    {"datasetId":"%s","taskId":"t","taskType":"text-classification","format":"jsonl"}"""
                    .formatted(dataset));
            io.sendRecords(dataset, "{\"text\":\"arrived late\",\"label\":\"a\"}\n");
            io.sendEnd(dataset);
            DatasetProfiled profile = io.awaitProfile(dataset, 1, true);
            assertEquals(1, profile.counts().examples());
            assertTrue(forwarder.acceptedConnections() > 0, "the service reached the broker through the late address");
        }
    }

    private static void awaitReady() {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (given().when().get("/q/health/ready").then().extract().statusCode() == 200) {
                return;
            }
            IngestTestSupport.sleep(500);
        }
        throw new AssertionError("data-ingest did not become ready after the broker appeared");
    }

    public static class LateBrokerProfile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LateBrokerAddress.class));
        }
    }

    /** Points the service at a port where nothing listens yet; the real broker is started for the test client. */
    public static class LateBrokerAddress implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            TestBroker.shared();
            int port = TcpForwarder.freePort();
            System.setProperty(LATE_PORT_PROPERTY, String.valueOf(port));
            return Map.of("kafka.bootstrap.servers", "localhost:" + port,
                    "quarkus.kafka.devservices.enabled", "false");
        }

        @Override
        public void stop() {
        }
    }
}
