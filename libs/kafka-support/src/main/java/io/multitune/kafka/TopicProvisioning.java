package io.multitune.kafka;

import io.multitune.events.TopicLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the pipeline topics that are missing, with the configs of {@link TopicLayout}; existing topics are left as
 * they are. Services call it at start-up (unless topics are managed elsewhere, e.g. by Strimzi), the CLI when it
 * starts a local broker.
 */
public final class TopicProvisioning {
    private TopicProvisioning() {
    }

    /**
     * Creates those of {@code topics} that do not exist.
     *
     * @param clientConfig      Kafka client settings (bootstrap servers, security)
     * @param partitions        partitions of each created topic; 0 or less lets the cluster choose
     * @param replicationFactor replication of each created topic; 0 or less lets the cluster choose
     * @return the topics this call created
     * @throws KafkaException naming the topic and the broker's reason when one cannot be created, or when the broker
     *                        does not answer within {@code timeout}
     */
    public static List<String> ensure(Map<String, Object> clientConfig, List<String> topics, int partitions,
                                      short replicationFactor, Duration timeout) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 15_000));
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                    .map(t -> TopicLayout.newTopic(t, partitions, replicationFactor)).toList();
            List<String> created = new ArrayList<>();
            if (missing.isEmpty()) {
                return created;
            }
            var result = admin.createTopics(missing, new CreateTopicsOptions().timeoutMs((int) timeout.toMillis()));
            for (NewTopic topic : missing) {
                try {
                    result.values().get(topic.name()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    created.add(topic.name());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) { // created meanwhile by someone else: fine
                        throw new KafkaException("cannot create topic " + topic.name() + ": "
                                + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            return created;
        } catch (ExecutionException e) {
            throw new KafkaException("cannot list topics: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("the broker did not answer within " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while creating topics", e);
        }
    }
}
