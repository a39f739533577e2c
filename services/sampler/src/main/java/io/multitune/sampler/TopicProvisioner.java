package io.multitune.sampler;

import io.multitune.events.TopicLayout;
import io.multitune.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.jboss.logging.Logger;

/** Creates the topics the sampler reads and writes when they are missing, with their {@link TopicLayout}. */
@ApplicationScoped
public class TopicProvisioner {
    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);
    private static final List<String> OWN_TOPICS = List.of(Topics.EXAMPLES, Topics.DATASETS, Topics.RUNS, Topics.BATCHES,
            Topics.TRAINING);

    private final SamplerConfig config;

    TopicProvisioner(SamplerConfig config) {
        this.config = config;
    }

    void ensureTopics(Map<String, Object> kafkaConfig) {
        try (Admin admin = Admin.create(kafkaConfig)) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = OWN_TOPICS.stream().filter(t -> !existing.contains(t))
                    .map(t -> TopicLayout.newTopic(t, config.topicPartitions(), config.topicReplicationFactor()))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                LOG.infof("created topics %s", missing.stream().map(NewTopic::name).toList());
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new KafkaException("cannot create topics: " + e.getCause().getMessage(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new KafkaException("broker did not answer within the time limit", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted", e);
        }
    }
}
