package io.multitune.auditor;

import io.multitune.events.Topics;
import io.multitune.kafka.TopicProvisioning;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** Creates the topics the bias auditor reads and writes when they are missing, with their layout. */
@ApplicationScoped
public class TopicProvisioner {
    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);
    private static final List<String> OWN_TOPICS = List.of(Topics.EXAMPLES, Topics.RUNS, Topics.TRAINING,
            Topics.AUDITS);

    private final AuditorConfig config;

    TopicProvisioner(AuditorConfig config) {
        this.config = config;
    }

    void ensureTopics(Map<String, Object> kafkaConfig) {
        List<String> created = TopicProvisioning.ensure(kafkaConfig, OWN_TOPICS, config.topicPartitions(),
                config.topicReplicationFactor(), Duration.ofSeconds(30));
        if (!created.isEmpty()) {
            LOG.infof("created topics %s", created);
        }
    }
}
