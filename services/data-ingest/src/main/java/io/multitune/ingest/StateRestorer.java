package io.multitune.ingest;

import io.multitune.dataprep.ExampleIds;
import io.multitune.events.DatasetProfiled;
import io.multitune.events.DatasetRegistered;
import io.multitune.events.EventCodec;
import io.multitune.events.EventFormatException;
import io.multitune.events.PipelineEvent;
import io.multitune.events.StandardExample;
import io.multitune.events.Topics;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Rebuilds data-ingest's state after a restart, before the first raw record is processed: dataset specs from
 * {@code multitune.datasets}, the example index (for de-duplication, leakage and split counts) from the compacted
 * {@code multitune.examples} topic, the pipeline's source of truth, and the counts the topics cannot hold (rejects,
 * duplicates) from each dataset's last profile. It first creates missing topics. It retries until
 * the broker answers, so a broker that appears late is survived.
 */
@ApplicationScoped
public class StateRestorer {
    private static final Logger LOG = Logger.getLogger(StateRestorer.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final CountDownLatch restored = new CountDownLatch(1);
    private final DatasetRegistry registry;
    private final TopicProvisioner provisioner;
    private final IngestConfig config;
    private volatile String lastError = "not started";

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    StateRestorer(DatasetRegistry registry, TopicProvisioner provisioner, IngestConfig config) {
        this.registry = registry;
        this.provisioner = provisioner;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        Thread t = new Thread(this::restoreWithRetries, "ingest-state-restore");
        t.setDaemon(true);
        t.start();
    }

    /** Blocks the ingest worker until the state is rebuilt. */
    void awaitRestored() {
        try {
            while (!restored.await(config.restoreTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("still waiting for state restore: %s", lastError);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for state restore", e);
        }
    }

    boolean isRestored() {
        return restored.getCount() == 0;
    }

    String lastError() {
        return lastError;
    }

    private void restoreWithRetries() {
        while (true) {
            try {
                if (config.provisionTopics()) {
                    provisioner.ensureTopics(kafkaConfig);
                }
                restore();
                lastError = null;
                restored.countDown();
                return;
            } catch (RuntimeException e) {
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.infof("state restore waits for the broker (%s); retrying in %ss", lastError, RETRY.toSeconds());
                sleep();
            }
        }
    }

    /** Rebuilds the state now, on the caller's thread (start-up does this in the background, with retries). */
    void restore() {
        long start = System.nanoTime();
        int[] specs = {0};
        int[] examples = {0};
        Map<String, DatasetProfiled> lastProfiles = new HashMap<>();
        readToEnd(Topics.DATASETS, r -> {
            PipelineEvent event = r.value() == null ? null : decode(r);
            if (event instanceof DatasetRegistered registered) {
                registry.register(registered.spec());
                specs[0]++;
            } else if (event instanceof DatasetProfiled profiled) {
                lastProfiles.put(profiled.datasetId(), profiled);
            }
        });
        readToEnd(Topics.EXAMPLES, r -> {
            if (r.value() == null) {
                tombstone(r.key());
            } else if (decode(r) instanceof StandardExample example) {
                registry.find(example.datasetId()).ifPresent(state -> {
                    synchronized (state) {
                        state.ledger().restore(example);
                    }
                });
                examples[0]++;
            }
        });
        lastProfiles.forEach((dataset, profile) -> registry.find(dataset).ifPresent(state -> {
            synchronized (state) {
                state.ledger().restoreCounts(profile);
            }
        }));
        LOG.infof("state restored: %d dataset specs, %d examples in %d ms", specs[0], examples[0],
                (System.nanoTime() - start) / 1_000_000);
    }

    private void tombstone(String exampleId) {
        registry.find(ExampleIds.datasetIdOf(exampleId)).ifPresent(state -> {
            synchronized (state) {
                state.ledger().restoreTombstone(exampleId);
            }
        });
    }

    private PipelineEvent decode(ConsumerRecord<String, byte[]> r) {
        try {
            return EventCodec.INSTANCE.decode(r.headers(), r.value());
        } catch (EventFormatException e) {
            LOG.warnf("skipping unreadable record %s-%d@%d during restore: %s", r.topic(), r.partition(), r.offset(),
                    e.getMessage());
            return null;
        }
    }

    private void readToEnd(String topic, Consumer<ConsumerRecord<String, byte[]>> sink) {
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(sink);
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
