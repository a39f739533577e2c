package io.multitune.testing.kafka;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real Kafka broker for {@code @QuarkusTest}s:
 * <pre>{@code
 * @QuarkusTest
 * @QuarkusTestResource(KafkaBrokerResource.class)            // or @WithTestResource(KafkaBrokerResource.class)
 * class IngestTest { ... TestBroker.shared().client() ... }
 * }</pre>
 *
 * <p>The broker is {@link TestBroker#shared()}: one per JVM, shared by every test class and test profile, stopped by a
 * JVM shutdown hook ({@link #stop()} leaves it running). It returns {@code kafka.bootstrap.servers}, turns Kafka Dev
 * Services off (no container is started) and sets the broker's log categories to WARN.
 *
 * <p>Init arg {@code topics}: topics to create before the application starts, comma-separated
 * {@code name[:partitions]}, e.g. {@code @ResourceArg(name = "topics", value = "multitune.examples:3")}.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {
    /** The init arg naming topics to create first. */
    public static final String TOPICS_ARG = "topics";

    private final List<String> topics = new ArrayList<>();

    @Override
    public void init(Map<String, String> initArgs) {
        String value = initArgs == null ? null : initArgs.get(TOPICS_ARG);
        if (value != null) {
            for (String topic : value.split(",")) {
                if (!topic.isBlank()) {
                    topics.add(topic.trim());
                }
            }
        }
    }

    @Override
    public Map<String, String> start() {
        TestBroker broker = TestBroker.shared();
        for (String topic : topics) {
            int colon = topic.lastIndexOf(':');
            if (colon > 0) {
                broker.createTopic(topic.substring(0, colon), Integer.parseInt(topic.substring(colon + 1).trim()), Map.of());
            } else {
                broker.createTopic(topic, 1, Map.of());
            }
        }
        return config(broker.bootstrapServers());
    }

    /** The configuration a Quarkus application needs to use a broker at {@code bootstrapServers}. */
    public static Map<String, String> config(String bootstrapServers) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", bootstrapServers);
        config.put("quarkus.kafka.devservices.enabled", "false");
        for (String category : BrokerLogging.CATEGORIES) {
            config.put("quarkus.log.category.\"" + category + "\".level", "WARN");
        }
        return config;
    }

    /** The broker outlives the test class: other classes of this JVM reuse it; a shutdown hook stops it. */
    @Override
    public void stop() {
        // nothing: see the class documentation
    }
}
