package io.multitune.events;

import java.util.Map;

/**
 * How each topic must be configured, beyond its name: the examples topic is the compacted source of truth, the
 * datasets topic keeps every spec and profile forever (not compacted: a profile would otherwise erase the spec that
 * shares its key, and data-ingest rebuilds its registry from the specs). Used by whoever provisions topics (the services at
 * start-up, the CLI's local broker, the Helm chart's KafkaTopic resources).
 */
public final class TopicLayout {
    private TopicLayout() {
    }

    /**
     * The topic as every provisioner creates it: its partitions and replication (0 or less: the cluster's default)
     * and the configs of {@link #configOf(String)}.
     */
    public static org.apache.kafka.clients.admin.NewTopic newTopic(String topic, int partitions,
                                                                   short replicationFactor) {
        return new org.apache.kafka.clients.admin.NewTopic(topic,
                partitions > 0 ? java.util.Optional.of(partitions) : java.util.Optional.empty(),
                replicationFactor > 0 ? java.util.Optional.of(replicationFactor) : java.util.Optional.empty())
                .configs(configOf(topic));
    }

    /** Topic-level configs that differ from the broker defaults. */
    public static Map<String, String> configOf(String topic) {
        return switch (topic) {
            case Topics.EXAMPLES -> Map.of("cleanup.policy", "compact");
            case Topics.DATASETS -> Map.of("cleanup.policy", "delete", "retention.ms", "-1");
            default -> Map.of();
        };
    }
}
