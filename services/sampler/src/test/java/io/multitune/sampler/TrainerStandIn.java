package io.multitune.sampler;

import io.multitune.events.BatchesAcknowledged;
import io.multitune.events.EventCodec;
import io.multitune.events.Topics;
import io.multitune.events.TrainingBatch;
import io.multitune.testing.kafka.KafkaTestClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Plays the trainer: reads one job's batches from the batches topic and acknowledges them. */
final class TrainerStandIn implements AutoCloseable {
    private final KafkaTestClient kafka;
    private final String runId;
    private final String jobId;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<TrainingBatch> read = new ArrayList<>();

    TrainerStandIn(String bootstrap, KafkaTestClient kafka, String runId, String jobId) {
        this.kafka = kafka;
        this.runId = runId;
        this.jobId = jobId;
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "trainer-stand-in-" + jobId + "-" + System.nanoTime());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.BATCHES));
    }

    /** Reads batches of the job until none arrives for {@code idle}; returns those read by this call. */
    List<TrainingBatch> readUntilIdle(Duration idle, Duration max) {
        List<TrainingBatch> batches = new ArrayList<>();
        long deadline = System.nanoTime() + max.toNanos();
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline && System.nanoTime() - quietSince < idle.toNanos()) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                if (jobId.equals(r.key())) {
                    batches.add(EventCodec.INSTANCE.decode(r.headers(), r.value()) instanceof TrainingBatch b ? b
                            : null);
                    quietSince = System.nanoTime();
                }
            }
        }
        read.addAll(batches);
        return batches;
    }

    /** Reads until the job's last batch, acknowledging each batch as it arrives. */
    List<TrainingBatch> readAllAcknowledging(Duration max) {
        return readAllAcknowledging(max, batch -> { });
    }

    /** As {@link #readAllAcknowledging(Duration)}, showing each batch to {@code beforeAck} before acknowledging. */
    List<TrainingBatch> readAllAcknowledging(Duration max, java.util.function.Consumer<TrainingBatch> beforeAck) {
        long deadline = System.nanoTime() + max.toNanos();
        List<TrainingBatch> batches = new ArrayList<>();
        while (batches.isEmpty() || !batches.get(batches.size() - 1).last()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + jobId + ": no last batch within " + max + "; read " + batches.size());
            }
            List<TrainingBatch> got = readUntilIdle(Duration.ofMillis(300), Duration.ofSeconds(5));
            got.forEach(beforeAck);
            batches.addAll(got);
            if (!got.isEmpty()) {
                acknowledge(got.get(got.size() - 1).sequence());
            }
        }
        return batches;
    }

    /** Sends a validation report for a round, as the trainer would after scoring the round's batches. */
    void report(int round, long step, Map<String, Double> lossByTask) {
        Map<String, io.multitune.events.ValidationReported.TaskResult> tasks = new HashMap<>();
        lossByTask.forEach((task, loss) -> tasks.put(task,
                new io.multitune.events.ValidationReported.TaskResult(loss, "accuracy", 0.5, 8, false)));
        kafka.produce(SamplerTestData.event(Topics.TRAINING, jobId, new io.multitune.events.ValidationReported(1,
                runId, jobId, round, step, tasks, Instant.now())));
    }

    void acknowledge(long sequence) {
        kafka.produce(SamplerTestData.event(Topics.TRAINING, jobId,
                new BatchesAcknowledged(1, runId, jobId, sequence, Instant.now())));
    }

    List<TrainingBatch> read() {
        return read;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
