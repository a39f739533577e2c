package io.multitune.cli.common;

import io.multitune.events.TopicLayout;
import io.multitune.events.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates every pipeline topic ({@link Topics#ALL}) that is missing, with the configs of {@link TopicLayout}:
 * {@code multitune.examples} compacted (the source of truth, keyed by example id), {@code multitune.datasets} kept
 * forever and not compacted (a dataset's spec and its profiles share the key; compaction would drop the spec). The
 * others use the broker defaults. Existing topics are left as they are.
 */
public final class TopicProvisioning {
    /** Partitions of each pipeline topic on a local broker: room for a few consumers per group. */
    public static final int DEFAULT_PARTITIONS = 3;

    private TopicProvisioning() {
    }

    /**
     * Creates the missing pipeline topics.
     *
     * @param partitions        partitions of each created topic; 0 or less lets the cluster choose (num.partitions)
     * @param replicationFactor 1 on a local broker; 0 or less lets the cluster choose (default.replication.factor)
     * @return the topics created (empty if all existed)
     */
    public static List<String> ensureTopics(KafkaSettings kafka, int partitions, short replicationFactor) {
        Map<String, Object> config = kafka.clientConfig();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : Topics.ALL) {
                if (!existing.contains(topic)) {
                    missing.add(TopicLayout.newTopic(topic, partitions, replicationFactor));
                }
            }
            List<String> created = new ArrayList<>();
            if (missing.isEmpty()) {
                return created;
            }
            var result = admin.createTopics(missing, new CreateTopicsOptions().timeoutMs(30_000));
            for (NewTopic topic : missing) {
                try {
                    result.values().get(topic.name()).get(30, TimeUnit.SECONDS);
                    created.add(topic.name());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) { // created meanwhile: fine
                        throw new CliException("cannot create topic " + topic.name() + " on " + kafka.bootstrapServers()
                                + ": " + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            return created;
        } catch (ExecutionException e) {
            throw new CliException("cannot list topics on " + kafka.bootstrapServers() + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new CliException("Kafka at " + kafka.bootstrapServers() + " did not answer within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while creating topics", e);
        }
    }

    /** {@link #ensureTopics(KafkaSettings, int, short)} with {@value #DEFAULT_PARTITIONS} partitions, replication 1. */
    public static List<String> ensureTopics(KafkaSettings kafka) {
        return ensureTopics(kafka, DEFAULT_PARTITIONS, (short) 1);
    }
}
