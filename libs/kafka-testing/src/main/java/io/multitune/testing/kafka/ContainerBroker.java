package io.multitune.testing.kafka;

import java.util.Locale;
import java.util.Map;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A broker in a Testcontainers container ({@code apache/kafka} or {@code apache/kafka-native} images). Loaded only in
 * {@code container} mode, so the in-process mode never touches Docker.
 */
final class ContainerBroker implements TestBroker.Backend {
    private final KafkaContainer container;

    private ContainerBroker(KafkaContainer container) {
        this.container = container;
    }

    static ContainerBroker start(String image, Map<String, String> settings) {
        KafkaContainer container = new KafkaContainer(DockerImageName.parse(image));
        // The apache/kafka images turn KAFKA_FOO_BAR=x into foo.bar=x in server.properties.
        settings.forEach((key, value) -> container.withEnv(envName(key), value));
        try {
            container.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not start the Kafka container " + image
                    + " (multitune.test.broker=container needs Docker): " + e.getMessage(), e);
        }
        return new ContainerBroker(container);
    }

    /** {@code group.initial.rebalance.delay.ms} -> {@code KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS}. */
    static String envName(String brokerSetting) {
        return "KAFKA_" + brokerSetting.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }
}
