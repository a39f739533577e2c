package io.multitune.cli.bench;

import com.fasterxml.jackson.databind.ObjectReader;
import io.multitune.events.BatchesAcknowledged;
import io.multitune.events.CloudEventHeaders;
import io.multitune.events.EventCodec;
import io.multitune.events.EventType;
import io.multitune.events.TrainingBatch;
import io.multitune.events.Topics;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays the trainer for {@code bench sampler}: on its own thread it reads one run's batches from
 * {@link Topics#BATCHES} (from the topic's end when it was created), counts their examples and acknowledges every
 * batch it has read with a {@link BatchesAcknowledged} on {@link Topics#TRAINING}, so the sampler, which stays a
 * window of batches ahead of the acknowledged position, keeps going. Batches are read into a narrow view (ids, kind,
 * sequence) rather than whole examples, so the counting takes little CPU from the measured sampler.
 */
final class BatchCounter implements AutoCloseable {
    /** The fields of a batch the count needs; the examples' other fields are skipped. */
    record BatchView(String runId, String jobId, long sequence, TrainingBatch.Kind kind, boolean last,
                     List<ExampleId> examples) {
    }

    /** An example's id. */
    record ExampleId(String id) {
    }

    /** What was read: batches and examples of TRAIN batches, and the append time of the last batch. */
    record Counts(long batches, long trainBatches, long trainExamples, long distinctTrainIds, long validationExamples,
                  long lastAppendMillis) {
    }

    private static final ObjectReader VIEW = EventCodec.INSTANCE.mapper().readerFor(BatchView.class);

    private final String runId;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> acks;
    private final Thread thread;
    private final Set<String> trainIds = new HashSet<>();
    private final Set<String> lastSeen = new HashSet<>();
    private long batches;
    private long trainBatches;
    private long trainExamples;
    private long validationExamples;
    private long lastAppendMillis = Long.MIN_VALUE;
    private volatile Exception failure;
    private volatile boolean running = true;

    BatchCounter(String bootstrap, String runId) {
        this.runId = runId;
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500, ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.BATCHES, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(Topics.BATCHES, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before any batch of this run exists
        this.acks = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer());
        this.thread = new Thread(this::loop, "bench-batch-counter");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    count(r);
                }
            }
        } catch (Exception e) {
            failure = e;
        }
    }

    private void count(ConsumerRecord<String, byte[]> r) throws IOException {
        if (r.value() == null || !EventType.TRAINING_BATCH.ceType()
                .equals(CloudEventHeaders.lastValue(r.headers(), CloudEventHeaders.CE_TYPE))) {
            return;
        }
        BatchView batch = VIEW.readValue(r.value());
        if (!runId.equals(batch.runId())) {
            return;
        }
        acks.send(EventCodec.INSTANCE.record(Topics.TRAINING, batch.jobId(), new BatchesAcknowledged(
                BatchesAcknowledged.SCHEMA_VERSION, runId, batch.jobId(), batch.sequence(), Instant.now()),
                BenchExamples.SOURCE));
        int size = batch.examples() == null ? 0 : batch.examples().size();
        synchronized (this) {
            batches++;
            if (batch.kind() == TrainingBatch.Kind.TRAIN) {
                trainBatches++;
                trainExamples += size;
                batch.examples().forEach(e -> trainIds.add(e.id()));
            } else {
                validationExamples += size;
            }
            lastAppendMillis = Math.max(lastAppendMillis, r.timestamp());
            if (batch.last()) {
                lastSeen.add(batch.jobId());
            }
            notifyAll();
        }
    }

    /**
     * Waits until the last batch of every one of {@code jobIds} was read.
     *
     * @throws IllegalStateException on timeout or when reading failed
     */
    synchronized Counts awaitLast(Collection<String> jobIds, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!lastSeen.containsAll(jobIds)) {
            if (failure != null) {
                throw new IllegalStateException("reading batches failed: " + failure, failure);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("the last batch of " + jobIds + " did not arrive within "
                        + timeout.toSeconds() + " s (" + batches + " batches read)");
            }
            wait(Math.max(1, Math.min(500, TimeUnit.NANOSECONDS.toMillis(left))));
        }
        return new Counts(batches, trainBatches, trainExamples, trainIds.size(), validationExamples,
                lastAppendMillis);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
        consumer.close(Duration.ofSeconds(5));
        acks.close(Duration.ofSeconds(5));
    }
}
